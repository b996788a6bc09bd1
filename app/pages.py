"""HTML screens, rendered on the server from Jinja2 templates."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from app.catalog import builtin_summaries
from app.config import PROJECT_ROOT

templates = Jinja2Templates(directory=PROJECT_ROOT / "app" / "templates")
router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The home screen: the routines to play."""
    return templates.TemplateResponse(request, "home.html", {"routines": builtin_summaries()})
