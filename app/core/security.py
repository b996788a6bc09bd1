"""Passwords, device tokens, feed keys and cursor keys: the one place secrets are made."""

import hashlib
import hmac
import secrets
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.models import Account

# argon2-cffi's defaults are Argon2id with RFC 9106's low-memory profile (t=3, m=64 MiB, p=4).
_hasher = PasswordHasher()


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
