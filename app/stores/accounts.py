"""Accounts, device tokens and the sign-in throttle: every query and write of them."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.core.security import new_reminders_key, new_token, same_secret, token_digest
from app.domain.throttle import Tally, reserve
from app.models import Account, DeviceToken, LoginThrottle


class AccountGone(LookupError):
    """The signed-in account was deleted while the request ran."""


class UsernameTaken(ValueError):
    """Another account has this username."""


def lock_account(session: Session, account_id: int) -> Account:
    """The account row, locked for this transaction (PostgreSQL) against concurrent writers."""
    query = select(Account).where(Account.id == account_id).with_for_update()
    account = session.exec(query).one_or_none()
    if account is None:
        raise AccountGone(account_id)
    return account


def account_row(session: Session, account_id: int) -> Account:
    """The account row as this transaction sees it, without a lock (for reads)."""
    account = session.exec(select(Account).where(Account.id == account_id)).one_or_none()
    if account is None:
        raise AccountGone(account_id)
    return account


def by_username(session: Session, username: str) -> Account | None:
    """The account called `username`, if any."""
    return session.exec(select(Account).where(Account.username == username)).first()


def credentials(session: Session, username: str) -> tuple[int, str] | None:
    """The id and password hash of the account called `username`, as plain values (nothing
    stays attached to the session, so it can let go of its connection at once)."""
    row = session.exec(
        select(Account.id, Account.password_hash).where(Account.username == username)
    ).first()
    return None if row is None or row[0] is None else (row[0], row[1])


def by_reminders_key(session: Session, key: str) -> Account | None:
    """The account whose calendar feed has `key`, if any."""
    return session.exec(select(Account).where(Account.reminders_key == key)).first()


def create_account(session: Session, username: str, password_hash: str, timezone: str) -> Account:
    """A new account, flushed (not committed); `UsernameTaken` when the name is in use."""
    if session.exec(select(Account.id).where(Account.username == username)).first():
        raise UsernameTaken(username)
    account = Account(
        username=username,
        password_hash=password_hash,
        timezone=timezone,
        reminders_key=new_reminders_key(),
    )
    session.add(account)
    try:
        session.flush()
    except IntegrityError:
        # Another sign-up took the name between the check and the insert.
        session.rollback()
        raise UsernameTaken(username) from None
    return account


def rotate_reminders_key(account: Account) -> None:
    """A new feed key on the (locked) `account`; the old feed URL stops working on commit."""
    account.reminders_key = new_reminders_key()


def issue_token(session: Session, account_id: int, device_name: str) -> tuple[DeviceToken, str]:
    """A new device token row (added to `session`, not committed) and its secret."""
    secret = new_token()
    device = DeviceToken(
        account_id=account_id, token_hash=token_digest(secret), device_name=device_name
    )
    session.add(device)
    return device, secret


def signed_in(session: Session, token: str) -> tuple[Account, DeviceToken] | None:
    """The account and device row of `token`, detached from `session`; None when unknown."""
    digest = token_digest(token)
    row = session.exec(
        select(DeviceToken, Account)
        .join(Account, Account.id == DeviceToken.account_id)  # type: ignore[arg-type]
        .where(DeviceToken.token_hash == digest)
    ).first()
    if row is None or not same_secret(row[0].token_hash, digest):
        return None
    device, account = row
    session.expunge_all()
    return account, device


def touch_device(session: Session, device_id: int, now: datetime) -> None:
    """Records that the device was seen at `now`, and commits; on PostgreSQL it waits at most a
    moment for the row (raising OperationalError), since the record may as well wait an hour."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL lock_timeout = '200ms'"))
    session.execute(
        update(DeviceToken).where(col(DeviceToken.id) == device_id).values(last_used_at=now)
    )
    session.commit()


def devices_after(
    session: Session, account_id: int, after_id: int, limit: int
) -> Sequence[DeviceToken]:
    """Up to `limit` device tokens of the account with ids above `after_id`, oldest first."""
    return session.exec(
        select(DeviceToken)
        .where(DeviceToken.account_id == account_id, col(DeviceToken.id) > after_id)
        .order_by(col(DeviceToken.id))
        .limit(limit)
    ).all()


def revoke_token(session: Session, account_id: int, token_id: int) -> bool:
    """Deletes the account's token `token_id` and commits; False when it has no such token."""
    row = session.get(DeviceToken, token_id)
    if row is None or row.account_id != account_id:
        return False
    session.delete(row)
    session.commit()
    return True


def reserve_sign_in(
    session: Session, username: str, now: datetime, max_failures: int, window_s: int
) -> int | None:
    """Counts one sign-in attempt for `username` before its password is checked, and commits;
    the seconds to wait instead when the username is locked out (nothing is counted then).

    One short transaction: insert-if-absent, then decide under the row lock (PostgreSQL's
    FOR UPDATE, SQLite's write lock), so concurrent attempts on any number of app servers are
    counted one after another and never more than the limit get to check a password.
    """
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
    decision = reserve(Tally(row.failures, row.window_started_at), now, max_failures, window_s)
    if isinstance(decision, Tally):
        row.failures, row.window_started_at = decision.failures, decision.since
    session.commit()
    return None if isinstance(decision, Tally) else decision


def clear_failed_sign_ins(session: Session, username: str) -> None:
    """Forgets the failed sign-ins of `username` (not committed)."""
    row = session.get(LoginThrottle, username)
    if row is not None:
        session.delete(row)
