"""Liveness and readiness, for load balancers and orchestrators."""

from alembic.config import Config
from alembic.script import ScriptDirectory
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.config import PROJECT_ROOT
from app.core.db import writer
from app.core.problems import problem_response

router = APIRouter(tags=["operations"])


def newest_migration() -> str | None:
    """The head revision of the migrations shipped with this code."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    return ScriptDirectory.from_config(config).get_current_head()


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    """Answers as long as the process serves requests; it does not touch the database."""
    return {"status": "ok"}


@router.get(
    "/readyz", summary="The database takes writes at the newest schema", response_model=None
)
def readyz(request: Request) -> dict[str, str] | JSONResponse:
    """Ready when the database answers, takes a write, and its schema is at the newest migration.

    The write is real and tiny: the one row of `alembic_version` rewritten as it is, committed.
    A read-only database, a full disk or a lost write lock fail it, and it holds no lock for
    longer than that one statement."""
    head = request.app.state.migration_head
    try:
        with writer(request.app.state.engine).begin() as connection:
            current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
    except SQLAlchemyError:
        return problem_response(
            503, "The database does not answer, takes no writes, or has no schema yet."
        )
    if current != head:
        return problem_response(503, f"The database schema is at {current}, not at {head}.")
    return {"status": "ready", "migration": str(head)}
