"""The devices screen: the account's signed-in devices, each revocable."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/devices", response_class=HTMLResponse)
def devices_page(request: Request) -> HTMLResponse:
    """The signed-in devices of the account, each revocable."""
    return templates.TemplateResponse(request, "devices.html", {})
