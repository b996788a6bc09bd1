"""Every HTML route of the PWA, the manifest and the service worker."""

from fastapi import APIRouter

from app.web import (
    account,
    builder,
    devices,
    docs,
    exercises,
    help_page,
    history,
    pages,
    pwa,
    settings,
    share,
)

web_router = APIRouter(include_in_schema=False)
# The builder's /routines/new must come before the pages' /routines/{slug}.
for _module in (
    builder,
    pages,
    exercises,
    help_page,
    history,
    settings,
    pwa,
    account,
    devices,
    docs,
    share,
):
    web_router.include_router(_module.router)

__all__ = ["web_router"]
