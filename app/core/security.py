"""Passwords, device tokens, feed keys and cursor keys: the one place secrets are made."""

import hashlib
import hmac
import secrets
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.models import Account

# argon2-cffi's defaults are Argon2id with RFC 9106's low-memory profile (t=3, m=64 MiB, p=4).
_hasher = PasswordHasher()


class HashingBusy(RuntimeError):
    """Every password-hashing slot stayed taken for longer than a request should wait."""


class _HashGate:
    """At most `limit` Argon2 computations at once in this process: each takes 64 MiB, so a
    burst of sign-ins waits its turn instead of taking the container past its memory."""

    def __init__(self, limit: int = 4, wait_s: float = 5.0) -> None:
        self.configure(limit, wait_s)

    def configure(self, limit: int, wait_s: float) -> None:
        self.slots = threading.BoundedSemaphore(max(1, limit))
        self.wait_s = wait_s

    @contextmanager
    def slot(self) -> Iterator[None]:
        slots = self.slots  # the semaphore taken is the one released, even if reconfigured
        if not slots.acquire(timeout=self.wait_s):
            raise HashingBusy
        try:
            yield
        finally:
            slots.release()


_gate = _HashGate()


def limit_hashing(max_concurrent: int, wait_s: float) -> None:
    """How many hashes may run at once, and how long a request waits for a free slot."""
    _gate.configure(max_concurrent, wait_s)
    _decoy_hash()  # made now, so the first burst of unknown usernames does not make it 40 times


def hashing_slot() -> AbstractContextManager[None]:
    """One of the hashing slots, held while the block runs (`HashingBusy` if none frees up)."""
    return _gate.slot()


def hash_password(password: str) -> str:
    """An Argon2id hash (salted, parameters included) of `password`."""
    with _gate.slot():
        return _hasher.hash(password)


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    # Verified against when the username is unknown, so both failures cost the same time.
    return _hasher.hash(secrets.token_urlsafe(16))


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; with no hash, does the same work and answers False."""
    with _gate.slot():
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


def new_share_key() -> str:
    """A fresh therapist-link key, separate from every other secret."""
    return secrets.token_urlsafe(32)


def new_cursor_secret() -> str:
    """A fresh secret for an account's cursors."""
    return secrets.token_urlsafe(32)


# No 0/O or 1/I/L: the code is read off a screen or paper and typed back in.
_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RECOVERY_GROUPS, RECOVERY_GROUP_LENGTH = 5, 4


def new_recovery_code() -> str:
    """A one-time recovery code: 20 characters (about 99 bits) in groups of four."""
    characters = [
        secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH)
    ]
    groups = [
        "".join(characters[i : i + RECOVERY_GROUP_LENGTH])
        for i in range(0, len(characters), RECOVERY_GROUP_LENGTH)
    ]
    return "-".join(groups)


def recovery_digest(code: str) -> str:
    """What is stored of a recovery code: the SHA-256 of its letters, case and dashes ignored."""
    letters = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(b"squeeze-recovery\0" + letters.encode()).hexdigest()


def cursor_key(account: Account) -> bytes:
    """The key an account's cursors are signed with: secret (its `cursor_secret` never leaves the
    server), stable across password changes, and the account's own."""
    return hashlib.sha256(b"squeeze-cursor\0" + account.cursor_secret.encode()).digest()
