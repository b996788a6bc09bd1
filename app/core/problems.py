"""RFC 9457 problem details: the one way the API fails."""

import logging
from collections.abc import Callable, Coroutine, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.core.security import HashingBusy

PROBLEM_JSON = "application/problem+json"
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
log = logging.getLogger("squeeze")


class Problem(Exception):
    """Raised anywhere in a request to answer with a problem response."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        title: str | None = None,
        type_: str = "about:blank",
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status, self.detail, self.title, self.type_ = status, detail, title, type_
        self.headers, self.extra = headers, extra


def problem_body(
    status: int, detail: str, *, title: str | None = None, type_: str = "about:blank", **extra: Any
) -> dict[str, Any]:
    """The JSON members of a problem."""
    return {
        "type": type_,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }


def problem_response(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    type_: str = "about:blank",
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """A response carrying one problem."""
    body = problem_body(status, detail, title=title, type_=type_, **extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def field_error(loc: Sequence[str | int], detail: str) -> dict[str, str]:
    """One bad field, named by its location as FastAPI's validation errors name it.

    `loc` is ("body", ...), ("query", name) or ("path", name); a body's fields are named without
    the "body" prefix, so a record's fields read the same in a request and in a sync rejection.
    """
    parts = [_printable(str(part)) for part in loc if part != "body"]
    return {
        "pointer": "#/" + "/".join(parts) if parts else "#",
        "field": ".".join(parts),
        "detail": _printable(detail),
    }


def _printable(text: str) -> str:
    # A key or message may carry what was sent, lone surrogates included: escape those, so the
    # answer always encodes as UTF-8.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def validation_errors(errors: Sequence[Any]) -> list[dict[str, str]]:
    """Pydantic's errors as `{pointer, field, detail}`, naming each bad field."""
    return [
        field_error(error.get("loc", ()), str(error.get("msg", "is not valid"))) for error in errors
    ]


def invalid(errors: Sequence[dict[str, str]], subject: str = "request") -> Problem:
    """The one 422 answer: each bad field (from `field_error`), named in the detail too."""
    names = ", ".join(e["field"] or "body" for e in errors)
    return Problem(
        422,
        f"The {subject} has invalid fields: {names}",
        title="Invalid request",
        type_="/problems/validation",
        errors=list(errors),
    )


def allowed_methods(request: Request) -> list[str]:
    """Every method some route of the app takes at this request's path (HEAD wherever GET)."""
    methods = [
        method
        for method in HTTP_METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.router.routes
        )
    ]
    return sorted([*methods, "HEAD"] if "GET" in methods else methods)


def install_problem_handlers(app: FastAPI) -> None:
    """Answer every error, expected or not, as problem details without internals."""

    @app.exception_handler(Problem)
    async def _problem(_request: Request, exc: Problem) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.detail,
            title=exc.title,
            type_=exc.type_,
            headers=exc.headers,
            **exc.extra,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"Nothing lives at {request.url.path}."
        headers = dict(exc.headers) if exc.headers else None
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}."
            # Each method of a path is its own route: Allow names what all of them take.
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request))}
        return problem_response(exc.status_code, detail, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return await _problem(request, invalid(validation_errors(exc.errors())))

    @app.exception_handler(OperationalError)
    async def _database_busy(request: Request, exc: OperationalError) -> JSONResponse:
        # SQLite's writers waited out busy_timeout, or PostgreSQL is unreachable: nothing was
        # written, and the same request will work in a moment.
        log.warning("database unavailable on %s %s: %s", request.method, request.url.path, exc)
        return problem_response(
            503,
            "The database is busy or unreachable; nothing was changed. Try again in a moment.",
            headers={"Retry-After": "1"},
        )

    busy = {
        # Every pooled connection stayed in use for the pool's whole timeout: a burst, not a bug.
        PoolTimeout: "The server is busy; nothing was changed. Try again in a moment.",
        HashingBusy: "Too many sign-ins at once; try again in a moment.",
    }
    for kind, detail in busy.items():
        app.add_exception_handler(kind, _busy_handler(kind.__name__, detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return problem_response(500, "Something went wrong on our side; nothing was changed.")


def _busy_handler(
    kind: str, detail: str
) -> Callable[[Request, Exception], Coroutine[Any, Any, JSONResponse]]:
    async def handle(request: Request, _exc: Exception) -> JSONResponse:
        log.warning("%s on %s %s", kind, request.method, request.url.path)
        return problem_response(503, detail, headers={"Retry-After": "2"})

    return handle
