"""The history and settings screens in a real Chromium, on runs logged through the API."""

import re
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from tests.auth import PASSWORD
from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer
from tests.browser.screenshots import png_size, screenshot_path
from tests.browser.test_pwa import UNTIL_CONTROLLED

ZONE = "Europe/Berlin"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE_SIZE: ViewportSize = {"width": PHONE["width"], "height": PHONE["height"]}


def sign_up(server: LiveServer, username: str) -> dict[str, str]:
    response = httpx.post(
        server.url + "/api/v1/accounts",
        json={"username": username, "password": PASSWORD, "timezone": ZONE},
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def log_run(
    server: LiveServer, headers: dict[str, str], days_back: int, hour: int, **fields: object
) -> str:
    """A finished morning run `days_back` days ago at `hour` in Berlin, through the API."""
    day = datetime.now(ZoneInfo(ZONE)).date() - timedelta(days=days_back)
    started = datetime(day.year, day.month, day.day, hour, 0, tzinfo=ZoneInfo(ZONE))
    record = {
        "routine": "morning",
        "routine_version": 1,
        "started_at": started.isoformat(),
        "finished_at": (started + timedelta(minutes=4)).isoformat(),
        "timezone": ZONE,
        "steps_done": 4,
        "steps_total": 4,
        "modified_at": (started + timedelta(minutes=5)).isoformat(),
        **fields,
    }
    url = f"{server.url}/api/v1/completions/{uuid.uuid4()}"
    assert httpx.put(url, json=record, headers=headers).status_code == 201
    return day.isoformat()


def keep_token(page: Page, headers: dict[str, str]) -> None:
    """Signs this device in the way the account screen does: the token in the store's meta."""
    token = headers["Authorization"].removeprefix("Bearer ")
    page.evaluate(
        "async (t) => (await import('/static/js/device/store.js')).setMeta('token', t)", token
    )


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    # No service worker: these tests read the server, never a cached copy.
    context = browser.new_context(viewport=PHONE_SIZE, timezone_id=ZONE, service_workers="block")
    yield context
    context.close()


def three_day_streak(server: LiveServer) -> tuple[dict[str, str], list[str]]:
    headers = sign_up(server, "streaky")
    full = [
        log_run(server, headers, back, hour, pain_before=5, pain_after=2)
        for back in (2, 1)
        for hour in (0, 21)
    ]
    partial = log_run(server, headers, 0, 0, pain_before=3, pain_after=1)
    log_run(server, headers, 5, 8, steps_done=1)  # stopped early: shown as no run
    return headers, [*sorted(set(full)), partial]


def test_history_shows_the_streak_and_marks_the_days(
    context: BrowserContext, live_server: LiveServer
) -> None:
    headers, (two_ago, yesterday, today) = three_day_streak(live_server)
    page = context.new_page()
    page.goto(live_server.url + "/history")
    keep_token(page, headers)
    page.reload()

    expect(page.locator("#history-status")).to_have_text("Up to date.")
    expect(page.locator("#current-streak")).to_have_text("3 days")
    expect(page.locator("#longest-streak")).to_have_text("3 days")
    expect(page.locator("#full-day-streak")).to_have_text("2 days")
    heatmap = page.locator("#heatmap svg")
    expect(heatmap.locator(f'[data-date="{two_ago}"]')).to_have_attribute("data-status", "full")
    expect(heatmap.locator(f'[data-date="{yesterday}"]')).to_have_attribute("data-status", "full")
    expect(heatmap.locator(f'[data-date="{today}"]')).to_have_attribute("data-status", "partial")
    expect(heatmap.locator(f'[data-date="{today}"] title')).to_contain_text("some runs")
    expect(heatmap.locator('[data-status="full"]')).to_have_count(2)
    expect(heatmap.locator(".half")).to_have_count(1)  # partial told apart by shape, not colour
    expect(page.locator("#heatmap-summary")).to_contain_text("2 full days, 1 day with some runs")
    expect(page.locator("#pain-summary")).to_contain_text("Before a run")
    expect(page.locator("#weeks li")).to_have_count(8)
    weeks = page.locator("#weeks li").all_inner_texts()
    assert sum(int(n) for w in weeks for n in re.findall(r"runs on (\d) of", w)) == 3
    assert violations(page) == []


def test_two_months_of_history_at_phone_and_desktop_widths(
    context: BrowserContext, live_server: LiveServer, tmp_path: Path
) -> None:
    headers = sign_up(live_server, "regular")
    for back in range(60):
        if back % 9 == 4:
            continue  # a missed day every nine days
        pain = 2 + back // 12
        for hour in (7, 21) if back % 5 else (7,):
            log_run(live_server, headers, back, hour, pain_before=pain, pain_after=max(pain - 2, 0))
    page = context.new_page()
    page.goto(live_server.url + "/history")
    keep_token(page, headers)
    page.reload()

    expect(page.locator("#current-streak")).to_have_text("4 days")
    expect(page.locator("#longest-streak")).to_have_text("8 days")
    expect(page.locator("#full-day-streak")).to_have_text("3 days")
    expect(page.locator("#pain-summary")).to_contain_text("Before a run: 6.")
    phone_shot = screenshot_path(tmp_path, "history-phone.png")
    page.screenshot(path=phone_shot, full_page=True)
    assert png_size(phone_shot)[0] == PHONE["width"]
    page.set_viewport_size(DESKTOP)
    desktop_shot = screenshot_path(tmp_path, "history-desktop.png")
    page.screenshot(path=desktop_shot, full_page=True)
    assert png_size(desktop_shot)[0] == DESKTOP["width"]
    assert violations(page) == []


def test_offline_history_shows_the_last_synced_stats_and_the_runs_waiting(
    browser: Browser, live_server: LiveServer
) -> None:
    headers, _days = three_day_streak(live_server)
    context = browser.new_context(viewport=PHONE_SIZE, timezone_id=ZONE)  # with the worker
    page = context.new_page()
    page.goto(live_server.url + "/history")
    page.evaluate(UNTIL_CONTROLLED)
    keep_token(page, headers)
    page.reload()
    expect(page.locator("#current-streak")).to_have_text("3 days")

    context.set_offline(True)
    tomorrow = (datetime.now(ZoneInfo(ZONE)) + timedelta(days=1)).strftime("%Y-%m-%d")
    page.evaluate(
        """async (day) => (await import('/static/js/device/store.js')).putCompletion({
            id: crypto.randomUUID(), routine: 'evening', routine_version: 1,
            started_at: day + 'T07:00:00+01:00', finished_at: day + 'T07:04:00+01:00',
            timezone: 'Europe/Berlin', steps_done: 4, steps_total: 4, pain_before: null,
            pain_after: null, notes: '', deleted: false })""",
        tomorrow,
    )
    page.reload()

    expect(page.locator("#history-status")).to_contain_text("Offline: showing what was last synced")
    expect(page.locator("#current-streak")).to_have_text("3 days")  # the server's, not recounted
    expect(page.get_by_role("heading", name="Waiting to sync")).to_be_visible()
    expect(page.locator("#pending-list li")).to_have_count(1)
    marked = page.locator(f'#heatmap [data-date="{tomorrow}"]')
    expect(marked).to_have_attribute("data-pending", "true")
    expect(marked.locator("title")).to_contain_text("not synced yet")
    assert violations(page) == []
    context.close()


def test_settings_change_the_account_and_offer_the_calendar_feed(
    context: BrowserContext, live_server: LiveServer
) -> None:
    headers = sign_up(live_server, "settler")
    page = context.new_page()
    page.goto(live_server.url + "/settings")
    keep_token(page, headers)
    page.reload()

    expect(page.get_by_label("Time zone")).to_have_value(ZONE)
    expect(page.get_by_label("Morning")).to_have_value("07:30")
    page.get_by_label("Morning").fill("06:15")
    page.get_by_label("Runs that make a full day").select_option("1")
    page.get_by_label("Phase").select_option("2")
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator("#settings-status")).to_have_text("Saved.")
    account = httpx.get(live_server.url + "/api/v1/account", headers=headers).json()
    assert (account["morning_time"], account["daily_goal"], account["phase"]) == ("06:15", 1, 2)

    link = page.get_by_role("link", name="Subscribe in your calendar")
    expect(link).to_have_attribute("href", account["reminders_url"].replace("http:", "webcal:"))
    feed = httpx.get(account["reminders_url"])
    assert feed.status_code == 200
    assert "TZID=Europe/Berlin:" in feed.text
    assert violations(page) == []

    page.get_by_role("button", name="Make a new address").click()
    expect(page.locator("#settings-status")).to_contain_text("old one no longer works")
    assert httpx.get(account["reminders_url"]).status_code == 404


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_history_and_settings_are_accessible_signed_out(
    browser: Browser, live_server: LiveServer, scheme: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=PHONE_SIZE, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(live_server.url + "/history")
    expect(page.get_by_text("No runs yet")).to_be_visible()
    assert violations(page) == []
    page.goto(live_server.url + "/settings")
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert violations(page) == []
    context.close()
