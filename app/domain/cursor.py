"""Opaque, tamper-evident cursors: a small JSON position signed with an account's own key.

A cursor names its kind and position; anything forged, truncated, or signed with another
account's key opens to None (the route answers 400).
"""

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

_MAC_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: bytes, kind: str, body: bytes) -> bytes:
    return hmac.new(key, kind.encode() + b"\0" + body, hashlib.sha256).digest()[:_MAC_BYTES]


def seal(key: bytes, kind: str, position: Any) -> str:
    """A cursor of `kind` for `position` (anything JSON can hold)."""
    body = json.dumps(position, separators=(",", ":")).encode()
    return f"{_b64(body)}.{_b64(_mac(key, kind, body))}"


def unseal(key: bytes, kind: str, cursor: str) -> Any | None:
    """The position in `cursor`, or None when it is not a cursor of `kind` signed with `key`."""
    body_text, dot, mac_text = cursor.partition(".")
    if not dot or len(cursor) > 512:
        return None
    try:
        body, mac = _unb64(body_text), _unb64(mac_text)
    except (binascii.Error, ValueError):
        return None
    if _b64(body) != body_text or _b64(mac) != mac_text:
        return None  # a non-canonical spelling of the same bytes is a forgery too
    if not hmac.compare_digest(mac, _mac(key, kind, body)):
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None
