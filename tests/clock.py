"""The instant API tests run at: `app.core.clock.now` answers it, so "today" never moves."""

from datetime import UTC, datetime

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
