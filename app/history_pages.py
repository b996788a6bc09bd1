"""The history and settings screens; their data comes from the API (and, offline, the device)."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.pages import templates

router = APIRouter(include_in_schema=False)


@router.get("/history", response_class=HTMLResponse)
def history(request: Request) -> HTMLResponse:
    """Streaks, the habit score, a year's calendar, pain over time and weekly adherence."""
    return templates.TemplateResponse(request, "history.html")


@router.get("/settings", response_class=HTMLResponse)
def settings(request: Request) -> HTMLResponse:
    """Time zone, reminder times, daily goal, phase, and the calendar subscription."""
    return templates.TemplateResponse(request, "settings.html")
