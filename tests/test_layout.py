"""The folder tree is the architecture: imports run one way, and a completion's fields live once."""

import ast
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

from app.api.routes import export
from app.core.config import PROJECT_ROOT
from app.models import Completion, CompletionBase, completion_values
from app.schemas import completions as schemas

APP = PROJECT_ROOT / "app"
COMPLETION_FIELDS = set(CompletionBase.model_fields)


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path) -> Iterator[str]:
    """Every module `path` imports, absolute (`from . import x` resolved against its package)."""
    tree = ast.parse(path.read_text(), str(path))
    package = _module(path).rpartition(".")[0] if path.name != "__init__.py" else _module(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            yield base
            # `from app.api.routes import tokens` imports the module app.api.routes.tokens.
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _sources(folder: str) -> list[Path]:
    return sorted((APP / folder).rglob("*.py"))


def _app_imports(folder: str) -> Iterator[tuple[str, str]]:
    for path in _sources(folder):
        for name in _imports(path):
            if name == "app" or name.startswith("app."):
                yield _module(path), name


def _within(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def test_no_router_imports_another_router() -> None:
    found = [
        (module, name)
        for module, name in _app_imports("api/routes")
        if _within(name, "app.api.routes") and name not in ("app.api.routes", module)
    ]
    assert found == []


def test_stores_never_import_the_api_or_the_web() -> None:
    found = [
        (m, n)
        for m, n in _app_imports("stores")
        if _within(n, "app.api", "app.web", "app.schemas.completions", "app.schemas.accounts")
        or n == "app.core.problems"
    ]
    assert found == []


def test_the_domain_imports_only_the_domain_and_the_content() -> None:
    found = [
        (m, n) for m, n in _app_imports("domain") if not _within(n, "app.domain", "app.content")
    ]
    assert found == []


def test_core_imports_nothing_above_it() -> None:
    # core is the bottom layer: the request's account (app/api/deps.py) uses the account store,
    # never the other way round, so core/security.py only makes and checks secrets.
    found = [
        (m, n) for m, n in _app_imports("core") if _within(n, "app.api", "app.web", "app.stores")
    ]
    assert found == []


def _string_collections(tree: ast.AST) -> Iterator[tuple[int, set[str]]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            names = {
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            }
            yield node.lineno, names


def _annotated_fields(tree: ast.AST) -> Iterator[tuple[str, set[str]]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            names = {
                s.target.id
                for s in node.body
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
            }
            yield node.name, names


def test_no_list_of_completion_fields_is_written_out_twice() -> None:
    # Most of a completion's field names together, in a literal list or in a class's fields, is a
    # copy of the record; only `CompletionBase` spells them out. (The domain's views of a run,
    # `RunForStats` and `RunForPhase`, name the few fields their rules read.)
    most = len(COMPLETION_FIELDS) // 2 + 1
    copies = []
    for path in sorted(APP.rglob("*.py")):
        tree = ast.parse(path.read_text())
        for line, names in _string_collections(tree):
            if len(names & COMPLETION_FIELDS) >= most:
                copies.append(f"{path.relative_to(PROJECT_ROOT)}:{line}")
        for name, fields in _annotated_fields(tree):
            if name != "CompletionBase" and len(fields & COMPLETION_FIELDS) >= most:
                copies.append(f"{path.relative_to(PROJECT_ROOT)}:{name}")
    assert copies == []


def test_the_tables_schemas_merge_and_export_take_their_fields_from_the_base() -> None:
    for model in (Completion, schemas.CompletionIn, schemas.CompletionPut, schemas.CompletionOut):
        assert set(model.model_fields) >= COMPLETION_FIELDS, model
    table_columns = {c.name for c in Completion.__table__.columns}  # type: ignore[attr-defined]
    assert table_columns == COMPLETION_FIELDS | {"account_id", "local_date", "seq", "received_at"}
    record = SimpleNamespace(**{name: None for name in table_columns})
    assert set(completion_values(record)) == COMPLETION_FIELDS  # what the merge writes, compares
    # The CSV keeps what a person reads (not the sync bookkeeping), in the published order.
    assert export.CSV_COLUMNS[:4] == ("id", "routine", "routine_version", "local_date")
    assert set(export.CSV_COLUMNS) == COMPLETION_FIELDS - {"deleted"} | {"local_date"}


def test_a_new_field_on_the_base_reaches_the_requests_the_answers_and_the_csv() -> None:
    class GrownBase(CompletionBase):
        mood: int | None = None

    class GrownIn(GrownBase, schemas.CompletionIn):
        pass

    class GrownOut(GrownBase, schemas.CompletionOut):
        pass

    assert "mood" in GrownIn.model_json_schema()["properties"]
    assert "mood" in GrownOut.model_json_schema(mode="serialization")["required"]
    assert "mood" in export.csv_columns(GrownOut)


def test_no_route_reads_the_clock_itself() -> None:
    # Routes take `now` from `app.core.clock` (a dependency tests override), never the wall clock.
    readers = [
        f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}"
        for path in _sources("api")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Attribute) and node.attr in ("now", "utcnow", "today", "time")
        if isinstance(node.value, ast.Name) and node.value.id in ("datetime", "date", "time")
    ]
    assert readers == []
