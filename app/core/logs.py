"""Keeps link secrets out of the logs: the share page's key and the feed's `key=` are redacted."""

import logging
import re

_SECRETS = (
    (re.compile(r"(/share/)[^/?#\s\"]+"), r"\1[redacted]"),
    (re.compile(r"([?&]key=)[^&#\s\"]+"), r"\1[redacted]"),
)


def redact(text: str) -> str:
    """`text` with every share key and feed key replaced by `[redacted]`."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class RedactSecrets(logging.Filter):
    """Rewrites a record's message arguments (uvicorn's access log passes the path as one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install_redaction() -> None:
    """Adds the filter to the loggers that see request paths (idempotent)."""
    for name in ("uvicorn.access", "uvicorn.error", "squeeze"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())
