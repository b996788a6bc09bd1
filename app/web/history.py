"""The history screen; its data comes from the API (and, offline, the device)."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/history", response_class=HTMLResponse)
def history(request: Request) -> HTMLResponse:
    """Streaks, the habit score, a year's calendar, pain over time and weekly adherence."""
    return templates.TemplateResponse(request, "history.html")


@router.get("/history/runs", response_class=HTMLResponse)
def runs(request: Request) -> HTMLResponse:
    """Every run, newest first; each opens to correct its pain scores or note, or to delete it."""
    return templates.TemplateResponse(request, "runs.html")
