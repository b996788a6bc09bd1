"""The application factory: routers, problem handlers, static files, the database engine."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app import account_pages, builder_pages, history_pages, pages, pwa
from app.api import (
    accounts,
    completions,
    exercises,
    export,
    health,
    phases,
    reminders,
    routines,
    stats,
    sync,
    tokens,
)
from app.compression import CompressShell
from app.config import PROJECT_ROOT, Settings, get_settings
from app.db import make_engine
from app.headers import SecurityHeaders
from app.limits import BodySizeLimit
from app.problems import install_problem_handlers

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
    engine = make_engine(settings.database_url, settings.db_pool_size)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="Squeeze",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.migration_head = health.newest_migration()
    install_problem_handlers(app)
    for module in (
        health,
        exercises,
        routines,
        phases,
        builder_pages,
        pages,
        accounts,
        tokens,
        completions,
        sync,
        stats,
        reminders,
        export,
        history_pages,
        pwa,
        account_pages,
    ):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=PROJECT_ROOT / "app" / "static"), name="static")
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(CompressShell)
    app.add_middleware(SecurityHeaders)  # outermost: 413s get the headers too
    return app
