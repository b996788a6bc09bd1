"""The account and devices screens (their data comes from the API, in the page's script)."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.pages import templates

router = APIRouter(include_in_schema=False)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request) -> HTMLResponse:
    """Sign up, sign in, sign out."""
    return templates.TemplateResponse(request, "account.html", {})


@router.get("/devices", response_class=HTMLResponse)
def devices_page(request: Request) -> HTMLResponse:
    """The signed-in devices of the account, each revocable."""
    return templates.TemplateResponse(request, "devices.html", {})
