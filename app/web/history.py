"""The history screen; its data comes from the API (and, offline, the device)."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/history", response_class=HTMLResponse)
def history(request: Request) -> HTMLResponse:
    """Streaks, the habit score, a year's calendar, pain over time and weekly adherence."""
    return templates.TemplateResponse(request, "history.html")
