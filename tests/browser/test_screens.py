"""Home, routine and player screens: order by the device's clock, safety notice, accessibility."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import PHONE, LiveServer
from tests.browser.player_rig import open_phone, start
from tests.browser.screenshots import png_size, screenshot_path

SCHEMES = ["light", "dark"]


@pytest.mark.parametrize(("utc_hour", "first"), [(7, "Morning routine"), (17, "Evening routine")])
def test_home_puts_todays_routine_first_by_the_devices_clock(
    browser: Browser, live_server: LiveServer, utc_hour: int, first: str
) -> None:
    phone = open_phone(browser, live_server, "/", at=datetime(2026, 11, 24, utc_hour, tzinfo=UTC))
    cards = phone.page.locator("#routines > li")
    expect(cards.first.get_by_role("heading")).to_have_text(f"{first} Today")
    expect(phone.page.get_by_role("link", name="Flare-up? Squeeze now")).to_have_attribute(
        "href", "/play/flare-up"
    )
    phone.close()


def test_the_safety_notice_shows_once_and_stays_on_the_routine_page(
    browser: Browser, live_server: LiveServer
) -> None:
    phone = open_phone(browser, live_server, "/routines/morning", safety_seen=False)
    page = phone.page
    dialog = page.get_by_role("dialog", name="Before your first routine")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="I understand").click()
    expect(dialog).to_be_hidden()
    page.goto(phone.server.url + "/play/morning")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(page.get_by_role("dialog")).to_be_hidden()
    page.goto(phone.server.url + "/routines/morning")
    expect(page.get_by_role("region", name="Safety")).to_contain_text("not medical advice")
    phone.close()


def test_the_routine_page_shows_steps_doses_cues_and_sources(
    browser: Browser, live_server: LiveServer
) -> None:
    phone = open_phone(browser, live_server, "/routines/morning")
    steps = phone.page.locator(".steps > li")
    expect(steps).to_have_count(2)
    expect(steps.nth(1)).to_contain_text("10 rounds: 7 s work, 3 s rest")
    expect(steps.nth(1)).to_contain_text("a little harder every second")
    expect(steps.nth(1)).to_contain_text("Source: The tight psoas and the booty flex")
    expect(phone.page.locator("main")).not_to_contain_text(".txt")
    phone.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_home_has_no_axe_violations(browser: Browser, live_server: LiveServer, scheme: str) -> None:
    phone = open_phone(browser, live_server, "/", scheme=scheme)
    expect(phone.page.locator(".card.today")).to_be_visible()
    assert phone.violations() == []
    phone.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_routine_page_has_no_axe_violations(
    browser: Browser, live_server: LiveServer, scheme: str
) -> None:
    phone = open_phone(browser, live_server, "/routines/morning", scheme=scheme)
    assert phone.violations() == []
    phone.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_player_has_no_axe_violations_before_during_and_after(
    browser: Browser, live_server: LiveServer, scheme: str
) -> None:
    phone = open_phone(browser, live_server, "/play/morning", scheme=scheme)
    page = phone.page
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    assert phone.violations() == []
    start(phone)
    page.clock.run_for(7_000)
    expect(page.locator("#now")).to_have_text("Glute-driven hip flexor stretch, left side")
    assert phone.violations() == []
    page.get_by_role("button", name="End run…").click()
    page.get_by_role("button", name="End the run").click()
    expect(page.get_by_role("button", name="Keep")).to_be_visible()
    assert phone.violations() == []
    phone.close()


def test_screenshot_of_the_player_on_a_phone(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    phone = open_phone(browser, live_server, "/play/morning")
    start(phone, pain_before=3)
    phone.page.clock.run_for(75_000 + 10_000 + 2_600)  # round 2 of the squeezes, 2.4 s left
    phone.shows("Booty flex, round 2 of 10", "5")
    shot = screenshot_path(tmp_path, "player-phone.png")
    phone.page.screenshot(path=shot)
    assert png_size(shot) == (PHONE["width"], PHONE["height"])
    phone.close()
