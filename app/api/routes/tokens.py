"""Device tokens: sign in on a device, list the signed-in devices, revoke one."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.core.config import Settings
from app.core.db import ReadSession, WriteSession
from app.core.problems import Problem
from app.core.security import (
    CurrentAccount,
    CurrentDevice,
    cursor_key,
    new_token,
    token_digest,
    verify_password,
)
from app.domain.cursor import seal, unseal
from app.domain.throttle import retry_after, window_open
from app.models import Account, DeviceToken, LoginThrottle, utcnow
from app.schemas.accounts import NewToken, SignIn, TokenOut
from app.schemas.common import PROBLEM_RESPONSES, Page

router = APIRouter(tags=["accounts"], responses=PROBLEM_RESPONSES)
TOKENS_CURSOR = "tokens"
WRONG_CREDENTIALS = "That username and password do not match an account."


def issue_token(session: Session, account_id: int, device_name: str) -> tuple[DeviceToken, str]:
    """A new device token row (added to `session`, not committed) and its secret."""
    secret = new_token()
    device = DeviceToken(
        account_id=account_id, token_hash=token_digest(secret), device_name=device_name
    )
    session.add(device)
    return device, secret


def token_out(device: DeviceToken, current: DeviceToken | None = None) -> TokenOut:
    """A token as listed, flagged when it is the caller's own."""
    assert device.id is not None
    return TokenOut(
        id=device.id,
        device_name=device.device_name,
        created_at=device.created_at,
        last_used_at=device.last_used_at,
        current=current is not None and current.id == device.id,
    )


def _throttle_wait(session: Session, username: str, settings: Settings) -> int | None:
    row = session.get(LoginThrottle, username)
    if row is None:
        return None
    return retry_after(
        row.failures,
        row.window_started_at,
        utcnow(),
        settings.login_max_failures,
        settings.login_window_s,
    )


def _record_failure(session: Session, username: str, settings: Settings) -> None:
    # Insert-if-absent, then update under the row lock: concurrent failures on several app
    # servers all count, and none of them trips over a duplicate key.
    now = utcnow()
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(LoginThrottle)
        .values(username=username, failures=0, window_started_at=now)
        .on_conflict_do_nothing(index_elements=["username"])
    )
    row = session.exec(
        select(LoginThrottle).where(LoginThrottle.username == username).with_for_update()
    ).one()
    if window_open(row.window_started_at, now, settings.login_window_s):
        row.failures += 1
    else:
        row.failures, row.window_started_at = 1, now
    session.commit()


@router.post("/tokens", status_code=201, summary="Sign in on a device", response_model=NewToken)
def create_token(
    body: SignIn, read: ReadSession, write: WriteSession, request: Request, response: Response
) -> NewToken:
    """A device token for the account; the same 401 whether the username or the password is wrong,
    and 429 (with `Retry-After`) after repeated failures."""
    settings: Settings = request.app.state.settings
    wait = _throttle_wait(read, body.username, settings)
    if wait is not None:
        raise Problem(
            429,
            f"Too many failed sign-ins for this username; try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )
    account = read.exec(select(Account).where(Account.username == body.username)).first()
    read.rollback()  # the password check is slow; hold no snapshot during it
    if not verify_password(account.password_hash if account else None, body.password):
        _record_failure(write, body.username, settings)
        raise Problem(401, WRONG_CREDENTIALS, headers={"WWW-Authenticate": "Bearer"})
    assert account is not None
    assert account.id is not None
    throttle = write.get(LoginThrottle, body.username)
    if throttle is not None:
        write.delete(throttle)
    device, secret = issue_token(write, account.id, body.device_name)
    write.commit()
    assert device.id is not None
    response.headers["Cache-Control"] = "no-store"
    return NewToken(
        id=device.id, token=secret, device_name=device.device_name, created_at=device.created_at
    )


@router.get("/tokens", summary="The signed-in devices")
def list_tokens(
    account: CurrentAccount,
    device: CurrentDevice,
    read: ReadSession,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Page[TokenOut]:
    """The device tokens of this account, oldest first; the secrets are never shown again."""
    after = 0
    if cursor is not None:
        position = unseal(cursor_key(account), TOKENS_CURSOR, cursor)
        if not isinstance(position, int) or isinstance(position, bool):
            raise Problem(400, "This cursor is not one this account was given.")
        after = position
    rows = read.exec(
        select(DeviceToken)
        .where(DeviceToken.account_id == account.id, col(DeviceToken.id) > after)
        .order_by(col(DeviceToken.id))
        .limit(limit + 1)
    ).all()
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = seal(cursor_key(account), TOKENS_CURSOR, rows[-1].id)
    return Page(items=[token_out(row, device) for row in rows], next_cursor=next_cursor)


@router.delete("/tokens/{token_id}", status_code=204, summary="Revoke a device")
def revoke_token(
    account: CurrentAccount,
    write: WriteSession,
    token_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> Response:
    """The token stops working at once; revoking your own is signing out."""
    row = write.get(DeviceToken, token_id)
    if row is None or row.account_id != account.id:
        raise Problem(404, f"This account has no device token {token_id}.")
    write.delete(row)
    write.commit()
    return Response(status_code=204)
