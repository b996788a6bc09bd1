"""What routes depend on: the signed-in account and device, and the account row under a lock."""

from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.core.clock import Now
from app.core.db import writer_if_free
from app.core.problems import Problem
from app.models import Account, DeviceToken
from app.stores import accounts as account_store

_bearer = HTTPBearer(auto_error=False, description="A device token from POST /api/v1/tokens.")
# Writing `last_used_at` on every request would turn every read into a write; once an hour is
# plenty for a "last seen" column on the devices screen.
_LAST_USED_GRANULARITY = timedelta(hours=1)
GONE = "This account no longer exists."


def unauthorized(
    detail: str = "Sign in to use this: send a device token as a Bearer token.",
) -> Problem:
    """The one 401 answer."""
    return Problem(401, detail, headers={"WWW-Authenticate": "Bearer"})


def lock_account(session: Session, account_id: int) -> Account:
    """The signed-in account's row, locked for this transaction; 401 if it was deleted meanwhile."""
    try:
        return account_store.lock_account(session, account_id)
    except account_store.AccountGone:
        raise unauthorized(GONE) from None


def account_row(session: Session, account_id: int) -> Account:
    """The signed-in account's row as this transaction sees it; 401 if it was deleted meanwhile."""
    try:
        return account_store.account_row(session, account_id)
    except account_store.AccountGone:
        raise unauthorized(GONE) from None


def _touch(request: Request, device: DeviceToken, now: datetime) -> None:
    if device.last_used_at and now - device.last_used_at < _LAST_USED_GRANULARITY:
        return
    assert device.id is not None
    try:
        with Session(writer_if_free(request.app.state.engine)) as session:
            account_store.touch_device(session, device.id, now)
    except OperationalError:
        # Another writer holds the lock: a read never waits on this bookkeeping; the next
        # request after the lock is free records the visit instead.
        return
    device.last_used_at = now


def _bearer_token(authorization: str | None) -> str | None:
    if authorization is None:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized()
    return token.strip()


def _sign_in(request: Request, token: str | None, now: datetime) -> DeviceToken | None:
    if token is None:
        return None
    with Session(request.app.state.engine) as session:
        found = account_store.signed_in(session, token)
    if found is None:
        raise unauthorized("This device token is not valid (it may have been revoked).")
    account, device = found
    idle_days = request.app.state.settings.token_max_idle_days
    if now - (device.last_used_at or device.created_at) > timedelta(days=idle_days):
        raise unauthorized(
            f"This device token was unused for over {idle_days} days; sign in again."
        )
    _touch(request, device, now)
    request.state.account = account
    request.state.device = device
    return device


def optional_account(request: Request, now: Now) -> Account | None:
    """The signed-in account, or None when no token was sent (a bad token is still a 401).

    It reads the header itself rather than through the security scheme, so OpenAPI shows these
    routes as public (which they are)."""
    device = _sign_in(request, _bearer_token(request.headers.get("authorization")), now)
    return request.state.account if device is not None else None


def required_device(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    now: Now,
) -> DeviceToken:
    """The calling device's token row; without a valid token, a 401 problem."""
    device = _sign_in(request, _bearer_token(request.headers.get("authorization")), now)
    if device is None:
        raise unauthorized()
    return device


def current_account(
    request: Request, _device: Annotated[DeviceToken, Depends(required_device)]
) -> Account:
    """The signed-in account; without a valid token, a 401 problem."""
    account: Account = request.state.account
    return account


CurrentAccount = Annotated[Account, Depends(current_account)]
OptionalAccount = Annotated[Account | None, Depends(optional_account)]
CurrentDevice = Annotated[DeviceToken, Depends(required_device)]
