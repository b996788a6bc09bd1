"""Text every database can store: the one rule for every string a request brings in."""

from typing import Annotated

from pydantic import AfterValidator, Strict


def storable(value: str) -> str:
    """`value`, if every database can store it: no NUL and no lone UTF-16 surrogates."""
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid Unicode text") from None
    return value


# The check, last in a string field's Annotated (after its Field): a validator placed before the
# constraints would hide them from the OpenAPI document.
Storable = AfterValidator(storable)
# A string field of any input model: a JSON string only (never a number made into one), which
# PostgreSQL and SQLite both store as sent. With constraints: Annotated[str, Strict(), Field(...),
# Storable], in that order.
Text = Annotated[str, Strict(), Storable]
