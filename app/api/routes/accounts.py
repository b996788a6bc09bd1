"""Accounts: sign up, the account's settings, and the calendar feed's key."""

from fastapi import APIRouter, Request, Response
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.api.routes.tokens import issue_token, token_out
from app.core.db import WriteSession
from app.core.problems import Problem
from app.core.security import CurrentAccount, hash_password, new_reminders_key
from app.models import Account
from app.schemas.accounts import AccountOut, AccountPatch, SignedUp, SignUp
from app.schemas.common import PROBLEM_RESPONSES

router = APIRouter(tags=["accounts"], responses=PROBLEM_RESPONSES)
FEED_PATH = "api/v1/reminders.ics"


def account_out(account: Account, request: Request) -> AccountOut:
    """The account as the API shows it, with the feed's absolute URL."""
    return AccountOut(
        username=account.username,
        timezone=account.timezone,
        morning_time=account.morning_time,
        evening_time=account.evening_time,
        daily_goal=account.daily_goal,
        phase=account.phase,
        reminders_url=f"{request.base_url}{FEED_PATH}?key={account.reminders_key}",
    )


def _locked(session: Session, account: Account) -> Account:
    # The account row as this transaction's own, locked (PostgreSQL) against concurrent writers.
    stored = session.exec(
        select(Account).where(Account.id == account.id).with_for_update()
    ).one_or_none()
    if stored is None:
        raise Problem(404, "This account no longer exists.")
    return stored


@router.post("/accounts", status_code=201, summary="Sign up")
def sign_up(body: SignUp, write: WriteSession, request: Request, response: Response) -> SignedUp:
    """A new account and a token for the device that made it. A taken username answers 409."""
    password_hash = hash_password(body.password)  # slow: before the write lock is taken
    if write.exec(select(Account.id).where(Account.username == body.username)).first():
        raise Problem(409, f"The username '{body.username}' is taken.")
    account = Account(
        username=body.username,
        password_hash=password_hash,
        timezone=body.timezone,
        reminders_key=new_reminders_key(),
    )
    write.add(account)
    try:
        write.flush()
    except IntegrityError:
        write.rollback()
        raise Problem(409, f"The username '{body.username}' is taken.") from None
    assert account.id is not None
    device, secret = issue_token(write, account.id, body.device_name)
    write.commit()
    response.headers["Cache-Control"] = "no-store"
    return SignedUp(account=account_out(account, request), token=secret, device=token_out(device))


@router.get("/account", summary="Your settings")
def get_account(account: CurrentAccount, request: Request, response: Response) -> AccountOut:
    """The signed-in account's settings and the URL of its reminders feed."""
    response.headers["Cache-Control"] = "no-store"
    return account_out(account, request)


@router.patch("/account", summary="Change your settings")
def patch_account(
    body: AccountPatch, account: CurrentAccount, write: WriteSession, request: Request
) -> AccountOut:
    """Changes the fields given; the others stay."""
    stored = _locked(write, account)
    for field, value in body.model_dump(exclude_unset=True).items():
        if value is None:
            raise Problem(
                422,
                f"{field} cannot be null.",
                title="Invalid request",
                type_="/problems/validation",
                errors=[{"pointer": f"#/{field}", "field": field, "detail": "cannot be null"}],
            )
        setattr(stored, field, value)
    write.commit()
    return account_out(stored, request)


@router.post("/account/reminders-key", summary="Rotate the reminders feed key")
def rotate_reminders_key(
    account: CurrentAccount, write: WriteSession, request: Request
) -> AccountOut:
    """A new feed key; calendars subscribed to the old URL stop receiving reminders."""
    stored = _locked(write, account)
    stored.reminders_key = new_reminders_key()
    write.commit()
    return account_out(stored, request)
