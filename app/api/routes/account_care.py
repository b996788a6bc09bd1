"""Account care: keep an anonymous history, change or recover the password, merge an anonymous
account into this one, and delete the account with everything in it."""

from datetime import datetime

from fastapi import APIRouter, Request, Response
from sqlmodel import Session

from app.api.deps import CurrentAccount, CurrentDevice, lock_account, unauthorized
from app.core.clock import Now
from app.core.config import Settings
from app.core.db import ReadSession, WriteSession
from app.core.problems import Problem
from app.core.security import hash_password, verify_password
from app.domain.merge import Outcome
from app.schemas.accounts import (
    Credentials,
    HistoryKept,
    Merged,
    MergeIn,
    NewToken,
    PasswordChange,
    Recovery,
    Revoked,
    account_out,
)
from app.schemas.common import PROBLEM_RESPONSES
from app.stores import accounts as store
from app.stores import completions as completion_store

router = APIRouter(tags=["accounts"], responses=PROBLEM_RESPONSES)
WRONG_RECOVERY = "That username and recovery code do not match an account."


def _reserve_attempt(write: Session, username: str, settings: Settings, now: datetime) -> None:
    # Counted before the secret is checked, as a sign-in is (app/domain/throttle.py).
    wait = store.reserve_sign_in(
        write, username, now, settings.login_max_failures, settings.login_window_s
    )
    if wait is not None:
        raise Problem(
            429,
            f"Too many failed attempts for this username; try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )


@router.post("/account/credentials", summary="Keep your history: add a username and password")
def keep_history(
    body: Credentials,
    account: CurrentAccount,
    write: WriteSession,
    request: Request,
    response: Response,
) -> HistoryKept:
    """Names this anonymous account: the same account, tokens and runs, nothing copied. Answers a
    one-time `recovery_code` (shown this once; it resets a forgotten password). 409 when the
    username is taken or the account already has one."""
    password_hash = hash_password(body.password)  # slow: before the write lock is taken
    assert account.id is not None
    stored = lock_account(write, account.id)
    if stored.username is not None:
        raise Problem(409, "This account already has a username; change the password instead.")
    try:
        code = store.keep_history(write, stored, body.username, password_hash)
    except store.UsernameTaken:
        raise Problem(409, f"The username '{body.username}' is taken.") from None
    response.headers["Cache-Control"] = "no-store"
    return HistoryKept(account=account_out(stored, str(request.base_url)), recovery_code=code)


@router.post("/account/password", summary="Change the password")
def change_password(
    body: PasswordChange,
    account: CurrentAccount,
    device: CurrentDevice,
    read: ReadSession,
    write: WriteSession,
    request: Request,
    now: Now,
) -> Revoked:
    """Sets a new password and signs every other device out (this one stays signed in). A wrong
    `current_password` answers 403 and counts as a failed sign-in (429 after repeated ones)."""
    settings: Settings = request.app.state.settings
    if account.username is None or account.password_hash is None:
        raise Problem(409, "This account has no password yet; keep your history first.")
    _reserve_attempt(write, account.username, settings, now)
    if not verify_password(account.password_hash, body.current_password):
        raise Problem(403, "The current password is not right.")
    store.clear_failed_sign_ins(write, account.username)
    password_hash = hash_password(body.new_password)
    assert account.id is not None
    stored = lock_account(write, account.id)
    revoked = store.set_password(write, stored, password_hash, device.id)
    write.commit()
    return Revoked(revoked=revoked)


@router.post(
    "/account/recover",
    status_code=201,
    summary="Reset a forgotten password with the recovery code",
    response_model=NewToken,
)
def recover(
    body: Recovery,
    read: ReadSession,
    write: WriteSession,
    request: Request,
    response: Response,
    now: Now,
) -> NewToken:
    """Sets `new_password`, signs every device out, and answers a token for this device and a new
    `recovery_code` (shown once): the code just used stops working. A wrong username or code
    answers 401, the same for both, and counts towards the sign-in limit (then 429)."""
    settings: Settings = request.app.state.settings
    _reserve_attempt(write, body.username, settings, now)
    password_hash = hash_password(body.new_password)  # slow: before the write lock is taken
    account = store.spend_recovery_code(write, body.username, body.recovery_code)
    if account is None or account.id is None:
        write.rollback()
        raise unauthorized(WRONG_RECOVERY)
    store.set_password(write, account, password_hash, None)
    code = store.new_recovery(account)
    store.clear_failed_sign_ins(write, body.username)
    device, secret = store.issue_token(write, account.id, body.device_name)
    write.commit()
    assert device.id is not None
    response.headers["Cache-Control"] = "no-store"
    return NewToken(
        id=device.id,
        token=secret,
        device_name=device.device_name,
        created_at=device.created_at,
        recovery_code=code,
    )


@router.post("/account/merge", summary="Move an anonymous account's runs into this one")
def merge_anonymous(
    body: MergeIn, account: CurrentAccount, write: WriteSession, request: Request
) -> Merged:
    """For a device that ran anonymously and has now signed in here: send its old token. Its runs
    merge into this account by the usual rule (the later `modified_at` wins), its own routines
    move unless this account has the slug already, its tokens now belong to this account, and the
    anonymous account is gone. Calling again is harmless (all zeros). Only an account without a
    username can be merged (409); an unknown token answers 400."""
    assert account.id is not None
    found = store.signed_in(write, body.token)
    write.rollback()
    if found is None:
        raise Problem(400, "This token is not a valid device token (it may have been revoked).")
    source_id = found[0].id
    assert source_id is not None
    if source_id == account.id:
        return Merged(
            created=0,
            updated=0,
            unchanged=0,
            routines_moved=0,
            account=account_out(account, str(request.base_url)),
        )
    # Both rows locked, the lower id first, so two merges never wait on each other.
    first, second = sorted((source_id, account.id))
    locked = {first: lock_account(write, first), second: lock_account(write, second)}
    source, target = locked[source_id], locked[account.id]
    if source.username is not None:
        raise Problem(409, "Only an account without a username can be merged into another.")
    written = completion_store.move_runs(write, source, target)
    routines = store.move_routines_and_tokens(write, source, target)
    store.delete_account(write, source)
    write.commit()
    outcomes = [w.outcome for w in written]
    return Merged(
        created=outcomes.count(Outcome.CREATE),
        updated=outcomes.count(Outcome.REPLACE),
        unchanged=outcomes.count(Outcome.KEEP),
        routines_moved=routines,
        account=account_out(target, str(request.base_url)),
    )


@router.delete("/account", status_code=204, summary="Delete the account and everything in it")
def delete_account(account: CurrentAccount, write: WriteSession) -> Response:
    """Every token stops at once; runs, routines, the feed and share links are gone (they answer
    404). Download `GET /api/v1/export.json` first to keep a copy."""
    assert account.id is not None
    store.delete_account(write, lock_account(write, account.id))
    write.commit()
    return Response(status_code=204)
