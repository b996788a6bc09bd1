"""/docs: the API in Swagger UI, from vendored files the Content-Security-Policy allows."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """Swagger UI over /openapi.json; no CDN and no inline script."""
    return templates.TemplateResponse(request, "docs.html")
