"""Readiness tells a load balancer the truth about the database."""

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

from app.core.config import Settings
from app.main import create_app


def test_readyz_is_503_on_a_database_without_the_schema(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'empty.db'}"))
    with TestClient(app) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"


def test_readyz_is_200_on_a_writable_database_and_503_on_a_read_only_one(
    database_url: str,
) -> None:
    app = create_app(Settings(database_url=database_url))
    with TestClient(app) as client:
        assert client.get("/readyz").status_code == 200
    app.state.engine.dispose()
    read_only = create_app(Settings(database_url=_read_only(database_url)))
    try:
        with TestClient(read_only) as client:
            response = client.get("/readyz")
    finally:
        read_only.state.engine.dispose()
        _writable_again(database_url)
    assert response.status_code == 503
    assert "takes no writes" in response.json()["detail"]


def _read_only(database_url: str) -> str:
    """The same database, as a server sees it when it can no longer write there."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///file:{url.database}?mode=ro&uri=true"
    with create_engine(url, isolation_level="AUTOCOMMIT").connect() as connection:
        connection.execute(
            text(f'ALTER DATABASE "{url.database}" SET default_transaction_read_only = on')
        )
    return database_url


def _writable_again(database_url: str) -> None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return
    with create_engine(url, isolation_level="AUTOCOMMIT").connect() as connection:
        connection.execute(text("SET default_transaction_read_only = off"))
        connection.execute(
            text(f'ALTER DATABASE "{url.database}" RESET default_transaction_read_only')
        )
