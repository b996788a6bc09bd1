"""Device tokens: sign in on a device, list the signed-in devices, revoke one."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api.deps import CurrentAccount, CurrentDevice, unauthorized
from app.core.clock import Now
from app.core.config import Settings
from app.core.db import ReadSession, WriteSession
from app.core.problems import Problem
from app.core.security import cursor_key, verify_password
from app.domain.cursor import seal, unseal
from app.schemas.accounts import NewToken, Revoked, SignIn, TokenOut, TokenRename, token_out
from app.schemas.common import PROBLEM_RESPONSES, Page
from app.stores import accounts as store

router = APIRouter(tags=["accounts"], responses=PROBLEM_RESPONSES)
TOKENS_CURSOR = "tokens"
WRONG_CREDENTIALS = "That username and password do not match an account."


@router.post("/tokens", status_code=201, summary="Sign in on a device", response_model=NewToken)
def create_token(
    body: SignIn,
    read: ReadSession,
    write: WriteSession,
    request: Request,
    response: Response,
    now: Now,
) -> NewToken:
    """A device token for the account; the same 401 whether the username or the password is wrong,
    and 429 (with `Retry-After`) after repeated failures."""
    settings: Settings = request.app.state.settings
    # Each step is its own short transaction and lets go of its connection before the next one
    # starts: none is held through the slow password check, and never two at once.
    wait = store.reserve_sign_in(
        write, body.username, now, settings.login_max_failures, settings.login_window_s
    )
    if wait is not None:
        raise Problem(
            429,
            f"Too many failed sign-ins for this username; try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )
    found = store.credentials(read, body.username)
    read.rollback()
    if not verify_password(found[1] if found else None, body.password):
        raise unauthorized(WRONG_CREDENTIALS)  # the attempt was counted before the check
    assert found is not None
    store.clear_failed_sign_ins(write, body.username)
    device, secret = store.issue_token(write, found[0], body.device_name)
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
    assert account.id is not None
    rows = store.devices_after(read, account.id, after, limit + 1)
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
    assert account.id is not None
    if not store.revoke_token(write, account.id, token_id):
        raise Problem(404, f"This account has no device token {token_id}.")
    return Response(status_code=204)


@router.patch("/tokens/{token_id}", summary="Rename a device")
def rename_token(
    body: TokenRename,
    account: CurrentAccount,
    device: CurrentDevice,
    write: WriteSession,
    token_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> TokenOut:
    """A name the person recognises ("Anna's phone") instead of the browser's."""
    assert account.id is not None
    row = store.rename_token(write, account.id, token_id, body.device_name)
    if row is None:
        raise Problem(404, f"This account has no device token {token_id}.")
    return token_out(row, device)


@router.post("/tokens/revoke-others", summary="Sign out every other device")
def revoke_other_tokens(
    account: CurrentAccount, device: CurrentDevice, write: WriteSession
) -> Revoked:
    """Every token of the account but the calling one stops working at once."""
    assert account.id is not None
    revoked = store.revoke_other_tokens(write, account.id, device.id)
    write.commit()
    return Revoked(revoked=revoked)
