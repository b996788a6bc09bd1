"""The application factory: routers, problem handlers, static files, the database engine."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.api import api_router, operations_router
from app.api.routes.export import IMPORT_PATH
from app.api.routes.health import newest_migration
from app.core.config import PROJECT_ROOT, Settings, get_settings
from app.core.db import make_engine
from app.core.logs import install_redaction
from app.core.problems import install_problem_handlers
from app.core.security import limit_hashing
from app.middleware.body_limit import BodySizeLimit
from app.middleware.gzip_shell import CompressShell
from app.middleware.head_as_get import HeadAsGet
from app.middleware.security_headers import SecurityHeaders
from app.web import web_router
from app.web.scripts import StaticAssets

DESCRIPTION = """
Squeeze guides a short, timed hip and glute routine for a calmer low back, logs each run with
pain before and after, and syncs it across devices.

Errors are [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) problem details
(`application/problem+json`). Lists answer `{items, next_cursor}`.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """A Squeeze app for `settings` (by default, the environment's)."""
    settings = settings or get_settings()
    logging.basicConfig(level=settings.log_level.upper())
    install_redaction()
    engine = make_engine(settings.database_url, settings.db_pool_size, settings.db_pool_timeout_s)
    limit_hashing(settings.hash_max_concurrent, settings.hash_wait_s)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="Squeeze",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served by app.web.docs from vendored files, which the CSP allows
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.migration_head = newest_migration()
    install_problem_handlers(app)
    app.include_router(operations_router)
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticAssets(directory=PROJECT_ROOT / "app" / "static"), name="static")
    app.add_middleware(
        BodySizeLimit,
        max_bytes=settings.max_body_bytes,
        larger={IMPORT_PATH: settings.max_import_bytes},
    )
    app.add_middleware(CompressShell)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # outermost: 413s and 500s get the headers too
    return app
