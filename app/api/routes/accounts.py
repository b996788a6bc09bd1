"""Accounts: sign up (with or without credentials), the settings, the feed and share keys."""

from fastapi import APIRouter, Request, Response

from app.api.deps import CurrentAccount, lock_account
from app.core.clock import Now
from app.core.config import Settings
from app.core.db import WriteSession
from app.core.problems import Problem, field_error, invalid
from app.core.security import hash_password
from app.domain.throttle import retry_after
from app.models import Account
from app.schemas.accounts import (
    AccountOut,
    AccountPatch,
    AnonymousSignUp,
    SignedUp,
    SignUp,
    account_out,
    token_out,
)
from app.schemas.common import PROBLEM_RESPONSES
from app.stores import accounts as store

router = APIRouter(tags=["accounts"], responses=PROBLEM_RESPONSES)


def shown(account: Account, request: Request) -> AccountOut:
    """The account as this request's answers show it (absolute URLs on this host)."""
    return account_out(account, str(request.base_url))


def _signed_up(
    write: WriteSession, account: Account, device_name: str, request: Request, response: Response
) -> SignedUp:
    assert account.id is not None
    device, secret = store.issue_token(write, account.id, device_name)
    write.commit()
    response.headers["Cache-Control"] = "no-store"
    return SignedUp(account=shown(account, request), token=secret, device=token_out(device))


@router.post("/accounts", status_code=201, summary="Sign up")
def sign_up(body: SignUp, write: WriteSession, request: Request, response: Response) -> SignedUp:
    """A new account and a token for the device that made it. A taken username answers 409."""
    password_hash = hash_password(body.password)  # slow: before the write lock is taken
    try:
        account = store.create_account(write, body.username, password_hash, body.timezone)
    except store.UsernameTaken:
        raise Problem(409, f"The username '{body.username}' is taken.") from None
    return _signed_up(write, account, body.device_name, request, response)


@router.post("/accounts/anonymous", status_code=201, summary="Start without signing up")
def sign_up_anonymously(
    body: AnonymousSignUp,
    write: WriteSession,
    request: Request,
    response: Response,
    now: Now,
) -> SignedUp:
    """An account with no username or password (`has_password: false`) and this device's token,
    so runs sync from the first one. It costs one row and one token. Keep its history later with
    `POST /api/v1/account/credentials`. Limited per client address: past the limit, 429 with
    `Retry-After`."""
    settings: Settings = request.app.state.settings
    address = (request.client.host if request.client else "unknown")[:64]
    # Counted under the throttle row's lock before the account is made, so several app servers
    # together never let more through than the limit.
    signups, started = store.record_anonymous_signup(
        write, address, now, settings.anonymous_signup_window_s
    )
    wait = retry_after(
        signups - 1,
        started,
        now,
        settings.anonymous_signups_per_window,
        settings.anonymous_signup_window_s,
    )
    if wait is not None:
        write.commit()
        raise Problem(
            429,
            f"Too many new accounts from this address; try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )
    account = store.create_account(write, None, None, body.timezone)
    return _signed_up(write, account, body.device_name, request, response)


@router.get("/account", summary="Your settings")
def get_account(account: CurrentAccount, request: Request, response: Response) -> AccountOut:
    """The signed-in account's settings and the URLs of its reminders feed and share page."""
    response.headers["Cache-Control"] = "no-store"
    return shown(account, request)


@router.patch("/account", summary="Change your settings")
def patch_account(
    body: AccountPatch, account: CurrentAccount, write: WriteSession, request: Request
) -> AccountOut:
    """Changes the fields given; the others stay."""
    changes = body.model_dump(exclude_unset=True)
    nulls = [
        field_error(("body", name), "cannot be null") for name, v in changes.items() if v is None
    ]
    if nulls:
        raise invalid(nulls)
    assert account.id is not None
    stored = lock_account(write, account.id)
    for name, value in changes.items():
        setattr(stored, name, value)
    write.commit()
    return shown(stored, request)


@router.post("/account/reminders-key", summary="Rotate the reminders feed key")
def rotate_reminders_key(
    account: CurrentAccount, write: WriteSession, request: Request
) -> AccountOut:
    """A new feed key; calendars subscribed to the old URL stop receiving reminders."""
    assert account.id is not None
    stored = lock_account(write, account.id)
    store.rotate_reminders_key(stored)
    write.commit()
    return shown(stored, request)


@router.post("/account/share-key", summary="Create or replace the therapist link")
def rotate_share_key(account: CurrentAccount, write: WriteSession, request: Request) -> AccountOut:
    """A read-only page at `share_url` (weekly adherence, pain before and after, the side
    answers, and only the notes marked `share_note`). Calling again replaces the key: the old link
    answers 404 at once."""
    assert account.id is not None
    stored = lock_account(write, account.id)
    store.rotate_share_key(stored)
    write.commit()
    return shown(stored, request)


@router.delete("/account/share-key", status_code=204, summary="Stop sharing")
def revoke_share_key(account: CurrentAccount, write: WriteSession) -> Response:
    """The therapist link answers 404 from now on; `share_url` becomes null."""
    assert account.id is not None
    stored = lock_account(write, account.id)
    store.revoke_share_key(stored)
    write.commit()
    return Response(status_code=204)
