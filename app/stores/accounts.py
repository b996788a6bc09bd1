"""Accounts, device tokens and the sign-in throttle: every query and write of them."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.core.security import (
    new_cursor_secret,
    new_recovery_code,
    new_reminders_key,
    new_share_key,
    new_token,
    recovery_digest,
    same_secret,
    token_digest,
)
from app.domain.throttle import Tally, reserve, window_open
from app.models import (
    Account,
    Completion,
    CustomRoutine,
    DeviceToken,
    LoginThrottle,
    RoutineVersion,
    SignupThrottle,
)


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
    if row is None or row[0] is None or row[1] is None:
        return None  # no such username, or an anonymous account (it has no password)
    return (row[0], row[1])


def by_reminders_key(session: Session, key: str) -> Account | None:
    """The account whose calendar feed has `key`, if any."""
    return session.exec(select(Account).where(Account.reminders_key == key)).first()


def by_share_key(session: Session, key: str) -> Account | None:
    """The account whose therapist link has `key`, if any."""
    return session.exec(select(Account).where(Account.share_key == key)).first()


def create_account(
    session: Session, username: str | None, password_hash: str | None, timezone: str
) -> Account:
    """A new account (anonymous when `username` is None), flushed, not committed;
    `UsernameTaken` when the name is in use."""
    if (
        username is not None
        and session.exec(select(Account.id).where(Account.username == username)).first()
    ):
        raise UsernameTaken(username)
    account = Account(
        username=username,
        password_hash=password_hash,
        timezone=timezone,
        cursor_secret=new_cursor_secret(),
        reminders_key=new_reminders_key(),
    )
    session.add(account)
    try:
        session.flush()
    except IntegrityError:
        # Another sign-up took the name between the check and the insert.
        session.rollback()
        raise UsernameTaken(str(username)) from None
    return account


def keep_history(session: Session, account: Account, username: str, password_hash: str) -> str:
    """Names the locked anonymous `account` and sets its password; commits and answers its new
    recovery code (only the digest is kept). `UsernameTaken` when the name is in use."""
    if session.exec(select(Account.id).where(Account.username == username)).first():
        raise UsernameTaken(username)
    code = new_recovery_code()
    account.username, account.password_hash = username, password_hash
    account.recovery_hash = recovery_digest(code)
    session.add(account)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise UsernameTaken(username) from None
    return code


def set_password(
    session: Session, account: Account, password_hash: str, keep_token: int | None
) -> int:
    """A new password on the locked `account`; revokes every token but `keep_token` and answers
    how many went (not committed)."""
    account.password_hash = password_hash
    session.add(account)
    return revoke_other_tokens(session, account.id or 0, keep_token)


def spend_recovery_code(session: Session, username: str, code: str) -> Account | None:
    """The account named `username`, locked, when `code` is its unspent recovery code."""
    account = session.exec(
        select(Account).where(Account.username == username).with_for_update()
    ).one_or_none()
    if account is None or account.recovery_hash is None:
        return None
    if not same_secret(account.recovery_hash, recovery_digest(code)):
        return None
    return account


def new_recovery(account: Account) -> str:
    """Replaces the (locked) `account`'s recovery code; answers the new one, shown once."""
    code = new_recovery_code()
    account.recovery_hash = recovery_digest(code)
    return code


def rotate_share_key(account: Account) -> None:
    """A new therapist-link key on the (locked) `account`; the old link stops on commit."""
    account.share_key = new_share_key()


def revoke_share_key(account: Account) -> None:
    """No therapist link on the (locked) `account` from the commit on."""
    account.share_key = None


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


def rename_token(
    session: Session, account_id: int, token_id: int, device_name: str
) -> DeviceToken | None:
    """Renames the account's token `token_id` and commits; None when it has no such token."""
    row = session.get(DeviceToken, token_id)
    if row is None or row.account_id != account_id:
        return None
    row.device_name = device_name
    session.commit()
    session.refresh(row)
    return row


def revoke_other_tokens(session: Session, account_id: int, keep_token: int | None) -> int:
    """Deletes every token of the account but `keep_token` (not committed); answers the count."""
    rows = session.exec(
        select(DeviceToken).where(
            DeviceToken.account_id == account_id, col(DeviceToken.id) != (keep_token or 0)
        )
    ).all()
    for row in rows:
        session.delete(row)
    session.flush()
    return len(rows)


def delete_account(session: Session, account: Account) -> None:
    """Deletes the locked `account` and every row of it (not committed).

    Each table is emptied explicitly rather than trusting ON DELETE CASCADE, which SQLite honours
    only while its foreign-key pragma is on."""
    account_id = account.id
    routine_ids = select(CustomRoutine.id).where(CustomRoutine.account_id == account_id)
    for statement in (
        delete(RoutineVersion).where(col(RoutineVersion.routine_id).in_(routine_ids)),
        delete(CustomRoutine).where(col(CustomRoutine.account_id) == account_id),
        delete(Completion).where(col(Completion.account_id) == account_id),
        delete(DeviceToken).where(col(DeviceToken.account_id) == account_id),
    ):
        session.execute(statement)
    if account.username is not None:
        session.execute(
            delete(LoginThrottle).where(col(LoginThrottle.username) == account.username)
        )
    session.delete(account)
    session.flush()


def move_routines_and_tokens(session: Session, source: Account, target: Account) -> int:
    """Moves `source`'s own routines whose slug `target` does not use, and every token of
    `source`, to `target` (both locked); not committed. Answers how many routines moved."""
    taken = set(
        session.exec(select(CustomRoutine.slug).where(CustomRoutine.account_id == target.id)).all()
    )
    moved = 0
    for routine in session.exec(
        select(CustomRoutine).where(CustomRoutine.account_id == source.id)
    ).all():
        if routine.slug not in taken:
            routine.account_id = target.id or 0
            moved += 1
    session.execute(
        update(DeviceToken)
        .where(col(DeviceToken.account_id) == source.id)
        .values(account_id=target.id)
    )
    session.flush()
    return moved


def record_anonymous_signup(
    session: Session, address: str, now: datetime, window_s: int
) -> tuple[int, datetime]:
    """Counts one account made without credentials from `address` at `now` (not committed), and
    answers the count in the current window, this one included, and when that window began."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(SignupThrottle)
        .values(address=address, signups=0, window_started_at=now)
        .on_conflict_do_nothing(index_elements=["address"])
    )
    row = session.exec(
        select(SignupThrottle).where(SignupThrottle.address == address).with_for_update()
    ).one()
    if window_open(row.window_started_at, now, window_s):
        row.signups += 1
    else:
        row.signups, row.window_started_at = 1, now
    return row.signups, row.window_started_at


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
