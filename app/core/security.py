"""Passwords, device tokens and the request's account: the only place secrets are handled."""

import hashlib
import hmac
import secrets
from datetime import timedelta
from functools import lru_cache
from typing import Annotated

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session, select

from app.core.db import writer
from app.core.problems import Problem
from app.models import Account, DeviceToken, utcnow

# argon2-cffi's defaults are Argon2id with RFC 9106's low-memory profile (t=3, m=64 MiB, p=4).
_hasher = PasswordHasher()
_bearer = HTTPBearer(auto_error=False, description="A device token from POST /api/v1/tokens.")
# Writing `last_used_at` on every request would turn every read into a write; once an hour is
# plenty for a "last seen" column on the devices screen.
_LAST_USED_GRANULARITY = timedelta(hours=1)


def hash_password(password: str) -> str:
    """An Argon2id hash (salted, parameters included) of `password`."""
    return _hasher.hash(password)


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    # Verified against when the username is unknown, so both failures cost the same time.
    return _hasher.hash(secrets.token_urlsafe(16))


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; with no hash, does the same work and answers False."""
    try:
        return _hasher.verify(password_hash or _decoy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    """A fresh device token: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What is stored of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_reminders_key() -> str:
    """A fresh calendar-feed key, separate from every device token."""
    return secrets.token_urlsafe(32)


def same_secret(a: str, b: str) -> bool:
    """Constant-time equality of two secrets."""
    return hmac.compare_digest(a.encode(), b.encode())


def cursor_key(account: Account) -> bytes:
    """The key an account's cursors are signed with: secret (derived from the password hash,
    which never leaves the server), stable, and the account's own."""
    return hashlib.sha256(b"squeeze-cursor\0" + account.password_hash.encode()).digest()


def unauthorized(
    detail: str = "Sign in to use this: send a device token as a Bearer token.",
) -> Problem:
    """The one 401 answer."""
    return Problem(401, detail, headers={"WWW-Authenticate": "Bearer"})


def _resolve(request: Request, token: str) -> tuple[Account, DeviceToken] | None:
    digest = token_digest(token)
    with Session(request.app.state.engine) as session:
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


def _touch(request: Request, device: DeviceToken) -> None:
    now = utcnow()
    if device.last_used_at and now - device.last_used_at < _LAST_USED_GRANULARITY:
        return
    with Session(writer(request.app.state.engine)) as session:
        stored = session.get(DeviceToken, device.id)
        if stored is not None:
            stored.last_used_at = now
            session.commit()
    device.last_used_at = now


def _bearer_token(authorization: str | None) -> str | None:
    if authorization is None:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized()
    return token.strip()


def _sign_in(request: Request, token: str | None) -> DeviceToken | None:
    if token is None:
        return None
    found = _resolve(request, token)
    if found is None:
        raise unauthorized("This device token is not valid (it may have been revoked).")
    account, device = found
    _touch(request, device)
    request.state.account = account
    request.state.device = device
    return device


def optional_account(request: Request) -> Account | None:
    """The signed-in account, or None when no token was sent (a bad token is still a 401).

    It reads the header itself rather than through the security scheme, so OpenAPI shows these
    routes as public (which they are)."""
    device = _sign_in(request, _bearer_token(request.headers.get("authorization")))
    return request.state.account if device is not None else None


def required_device(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> DeviceToken:
    """The calling device's token row; without a valid token, a 401 problem."""
    device = _sign_in(request, _bearer_token(request.headers.get("authorization")))
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
