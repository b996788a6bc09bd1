"""The help page: safety first, how the cues work, the phases, and the sources by title."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.content import AVOID, CUE_HELP, PHASES, SAFETY, WHY
from app.content.sources import SOURCES
from app.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/help", response_class=HTMLResponse)
def help_page(request: Request) -> HTMLResponse:
    """Everything a person may want to read once: safety, cues, phases, sources."""
    context = {
        "safety": SAFETY,
        "cues": CUE_HELP,
        "phases": PHASES,
        "avoid": AVOID,
        "why": WHY,
        "sources": SOURCES,
    }
    return templates.TemplateResponse(request, "help.html", context)
