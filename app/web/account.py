"""The account screen: sign up, sign in, sign out (its data comes from the API)."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request) -> HTMLResponse:
    """Sign up, sign in, sign out."""
    return templates.TemplateResponse(request, "account.html", {})
