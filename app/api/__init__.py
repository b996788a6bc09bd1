"""The JSON API: one router with the `/api/v1` prefix, one module a resource under `routes/`."""

from fastapi import APIRouter

from app.api.routes import (
    account_care,
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

api_router = APIRouter(prefix="/api/v1")
for _module in (
    exercises,
    routines,
    phases,
    accounts,
    account_care,
    tokens,
    completions,
    sync,
    stats,
    reminders,
    export,
):
    api_router.include_router(_module.router)

# Liveness and readiness stay at the root, where load balancers look for them.
operations_router = health.router

__all__ = ["api_router", "operations_router"]
