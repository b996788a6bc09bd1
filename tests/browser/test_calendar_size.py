"""The history calendar at 0, 1 and 400 days of runs, on a phone and on a desktop: drawn at a fixed
cell size (it once stretched one week into a 4,864 px tall square)."""

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import Browser, ViewportSize, expect

from tests.browser.axe import violations
from tests.browser.conftest import LiveServer
from tests.browser.screenshots import screenshot_path
from tests.browser.test_history import DESKTOP, PHONE_SIZE, ZONE, keep_token, sign_up


def push_days(server: LiveServer, headers: dict[str, str], days: int) -> None:
    """One finished morning run a day for the last `days` days, in one sync push."""
    today = datetime.now(ZoneInfo(ZONE)).replace(hour=7, minute=0, second=0, microsecond=0)
    runs = []
    for back in range(days):
        started = today - timedelta(days=back)
        runs.append(
            {
                "id": str(uuid.uuid4()),
                "routine": "morning",
                "routine_version": 1,
                "started_at": started.isoformat(),
                "finished_at": (started + timedelta(minutes=4)).isoformat(),
                "timezone": ZONE,
                "steps_done": 2,
                "steps_total": 2,
                "pain_before": 5,
                "pain_after": 3,
                "modified_at": (started + timedelta(minutes=5)).isoformat(),
            }
        )
    answer = httpx.post(
        server.url + "/api/v1/sync", json={"cursor": None, "push": runs}, headers=headers
    )
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["accepted"]) == days


@pytest.mark.parametrize("days", [0, 1, 400])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_calendar_keeps_its_size_whatever_the_history(
    browser: Browser, live_server: LiveServer, days: int, size: str, tmp_path: Path
) -> None:
    viewport: ViewportSize = PHONE_SIZE if size == "phone" else DESKTOP
    context = browser.new_context(viewport=viewport, timezone_id=ZONE, service_workers="block")
    page = context.new_page()
    page.goto(live_server.url + "/history")
    if days:
        headers = sign_up(live_server, f"cal{days}{size}")
        push_days(live_server, headers, days)
        keep_token(page, headers)
        page.reload()
        expect(page.locator("#history-status")).to_have_text("Up to date.")
    else:
        expect(page.get_by_text("No runs yet")).to_be_visible()
    expect(page.locator("#heatmap svg")).to_be_visible()
    box = page.evaluate("document.querySelector('#heatmap svg').getBoundingClientRect().toJSON()")
    # Eight rows of about 17 px (seven weekdays and the month names), a year or more of columns.
    assert 120 <= box["height"] <= 140, box
    assert box["width"] >= 53 * 16, box
    done = page.locator("#heatmap [data-status=partial], #heatmap [data-status=full]").count()
    assert done == days if days < 364 else done >= 364
    page_height = page.evaluate("document.documentElement.scrollHeight")
    assert page_height < (3200 if size == "phone" else 2400), page_height
    # The month labels stay small: none taller than a row.
    tallest = page.evaluate(
        "Math.max(0, ...[...document.querySelectorAll('#heatmap text')]"
        ".map((t) => t.getBoundingClientRect().height))"
    )
    assert 0 < tallest < 17
    assert violations(page) == []
    page.screenshot(path=screenshot_path(tmp_path, f"calendar-{days}-{size}.png"), full_page=True)
    context.close()
