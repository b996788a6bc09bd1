"""Secrets never reach the logs: the calendar feed's key is cut out of every logged URL."""

import logging
import re

_SECRET_QUERY = re.compile(r"(?<=[?&]key=)[^&\s\"]*")


def redact(text: str) -> str:
    """`text` with the value of every `key=` query parameter replaced."""
    return _SECRET_QUERY.sub("REDACTED", text)


class RedactSecrets(logging.Filter):
    """Rewrites uvicorn's access-log records (and any record) so the feed key is not written."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install() -> None:
    """Adds the filter to uvicorn's access and error loggers (idempotent)."""
    for name in ("uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())
