"""The therapist page in a real browser: readable on a phone and a desk, light and dark, with no
axe violations, and a revoked link shows the not-found page."""

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer
from tests.browser.screenshots import screenshot_path

DESKTOP = {"width": 1280, "height": 800}


def shared_account(server: LiveServer) -> tuple[dict[str, str], str]:
    """An account with a run on most days of the last four weeks, and its share link."""
    with httpx.Client(base_url=server.url) as api:
        signed_up = api.post("/api/v1/accounts/anonymous", json={"timezone": "UTC"}).json()
        auth = {"Authorization": f"Bearer {signed_up['token']}"}
        now = datetime.now(UTC)
        push = []
        for days in range(27, -1, -1):
            if days % 4 == 3:
                continue
            started = now - timedelta(days=days, minutes=10)
            push.append(
                {
                    "id": str(uuid.uuid4()),
                    "routine": "morning",
                    "routine_version": 1,
                    "started_at": started.isoformat(),
                    "finished_at": (started + timedelta(minutes=4)).isoformat(),
                    "timezone": "UTC",
                    "steps_done": 4,
                    "steps_total": 4,
                    "pain_before": 6 - days // 7,
                    "pain_after": 3 - days // 14,
                    "weaker_side": "left" if days > 10 else "same",
                    "notes": f"shared note {days}" if days % 5 == 0 else "private",
                    "share_note": days % 5 == 0,
                    "modified_at": (started + timedelta(minutes=5)).isoformat(),
                }
            )
        answer = api.post("/api/v1/sync", json={"push": push}, headers=auth).json()
        assert not answer["rejected"], answer["rejected"]
        url = api.post("/api/v1/account/share-key", headers=auth).json()["share_url"]
    return auth, url


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_share_page_reads_well_and_has_no_axe_violations(
    browser: Browser, live_server: LiveServer, scheme: str, viewport: dict[str, int], tmp_path: Path
) -> None:
    _auth, url = shared_account(live_server)
    context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(url)
    expect(page.get_by_role("heading", name="Shared progress")).to_be_visible()
    expect(page.get_by_role("table").first.locator("tbody tr")).to_have_count(8)
    expect(page.get_by_text("shared note 0")).to_be_visible()
    expect(page.get_by_text("private")).to_have_count(0)
    assert violations(page) == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]
    page.screenshot(
        path=screenshot_path(tmp_path, f"share-{viewport['width']}-{scheme}.png"), full_page=True
    )
    context.close()


def test_a_revoked_link_shows_a_page_that_explains(
    browser: Browser, live_server: LiveServer
) -> None:
    auth, url = shared_account(live_server)
    with httpx.Client(base_url=live_server.url) as api:
        assert api.delete("/api/v1/account/share-key", headers=auth).status_code == 204
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    response = page.goto(url)
    assert response is not None
    assert response.status == 404
    expect(page.get_by_role("heading", name="This link does not work")).to_be_visible()
    assert violations(page) == []
    context.close()
