"""Accounts: sign up, the account's settings, and the calendar feed's key."""

from fastapi import APIRouter, Request, Response

from app.api.deps import CurrentAccount, lock_account
from app.core.db import WriteSession
from app.core.problems import Problem, field_error, invalid
from app.core.security import hash_password
from app.models import Account
from app.schemas.accounts import AccountOut, AccountPatch, SignedUp, SignUp, account_out, token_out
from app.schemas.common import PROBLEM_RESPONSES
from app.stores import accounts as store

router = APIRouter(tags=["accounts"], responses=PROBLEM_RESPONSES)


def _shown(account: Account, request: Request) -> AccountOut:
    return account_out(account, str(request.base_url), account.reminders_key)


@router.post("/accounts", status_code=201, summary="Sign up")
def sign_up(body: SignUp, write: WriteSession, request: Request, response: Response) -> SignedUp:
    """A new account and a token for the device that made it. A taken username answers 409."""
    password_hash = hash_password(body.password)  # slow: before the write lock is taken
    try:
        account = store.create_account(write, body.username, password_hash, body.timezone)
    except store.UsernameTaken:
        raise Problem(409, f"The username '{body.username}' is taken.") from None
    assert account.id is not None
    device, secret = store.issue_token(write, account.id, body.device_name)
    write.commit()
    response.headers["Cache-Control"] = "no-store"
    return SignedUp(account=_shown(account, request), token=secret, device=token_out(device))


@router.get("/account", summary="Your settings")
def get_account(account: CurrentAccount, request: Request, response: Response) -> AccountOut:
    """The signed-in account's settings and the URL of its reminders feed."""
    response.headers["Cache-Control"] = "no-store"
    return _shown(account, request)


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
    return _shown(stored, request)


@router.post("/account/reminders-key", summary="Rotate the reminders feed key")
def rotate_reminders_key(
    account: CurrentAccount, write: WriteSession, request: Request
) -> AccountOut:
    """A new feed key; calendars subscribed to the old URL stop receiving reminders."""
    assert account.id is not None
    stored = lock_account(write, account.id)
    store.rotate_reminders_key(stored)
    write.commit()
    return _shown(stored, request)
