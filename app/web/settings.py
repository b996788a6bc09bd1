"""The settings screen: time zone, reminders, daily goal, phase, calendar subscription."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/settings", response_class=HTMLResponse)
def settings(request: Request) -> HTMLResponse:
    """Time zone, reminder times, daily goal, phase, and the calendar subscription."""
    return templates.TemplateResponse(request, "settings.html")
