"""The flare-up rescue: one tap (a pain score, or none) starts it, nothing plays before the safety
notice is read, and "+1 round" adds a squeeze and a relax on the spot."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import PHONE, LiveServer
from tests.browser.player_rig import OBSERVE

# A returning user: the once-only safety notice was read on an earlier visit.
SAFETY_SEEN = "localStorage.setItem('squeeze.safety-seen', '1')"

START = 1_795_000_000  # a fixed wall-clock second for page.clock
ALL_COMPLETIONS = "async () => (await import('/static/js/device/store.js')).allCompletions()"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    context.add_init_script(SAFETY_SEEN)
    yield context
    context.close()


def playing_page(context: BrowserContext) -> Page:
    page = context.new_page()
    page.clock.install(time=START)
    return page


def completions(page: Page) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = page.evaluate(ALL_COMPLETIONS)
    return records


def tap_a_score(page: Page, score: int) -> None:
    expect(page.get_by_text("Tap a number and the rescue starts.")).to_be_visible()
    scale = page.get_by_role("group", name="How much does your back hurt right now?")
    scale.get_by_role("radio", name=str(score), exact=True).check()


def test_the_home_button_asks_one_tap_and_the_score_starts_the_rescue(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = playing_page(context)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Flare-up").first.click()
    expect(page).to_have_url(live_server.url + "/play/flare-up")
    tap_a_score(page, 6)
    expect(page.locator("#stage")).to_be_visible()
    expect(page.locator("#now")).to_contain_text("Get ready")
    page.clock.run_for(31_000)
    scale = page.get_by_role("group", name="How much does your back hurt now?")
    scale.get_by_role("radio", name="3", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved on this device.")).to_be_visible()
    [record] = completions(page)
    assert (record["pain_before"], record["pain_after"]) == (6, 3)


def test_nothing_plays_on_a_first_visit_until_the_safety_notice_is_read(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    context.add_init_script(OBSERVE)  # no SAFETY_SEEN: a first visit
    page = playing_page(context)
    page.goto(live_server.url + "/play/flare-up")
    dialog = page.get_by_role("dialog", name="Before your first routine")
    expect(dialog).to_be_visible()
    page.clock.run_for(20_000)
    heard = page.evaluate("window.__cues")
    assert heard == {"tones": [], "spoken": [], "buzzed": []}
    assert page.evaluate("localStorage.getItem('squeeze.run')") is None  # no timer either
    expect(page.locator("#stage")).to_be_hidden()
    dialog.get_by_role("button", name="I understand").click()
    page.get_by_role("button", name="Start without a score").click()
    expect(page.locator("#now")).to_have_text(
        "Get ready: Booty flex"
    )  # its prepare, from the start
    page.clock.run_for(1_000)
    assert page.evaluate("window.__cues.spoken") == ["Get ready: Booty flex"]
    context.close()


def test_the_shortcut_starts_on_one_tap_and_one_more_round_adds_a_squeeze_and_a_relax(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = playing_page(context)
    page.goto(live_server.url + "/play/flare-up")
    now = page.locator("#now")
    page.get_by_role("button", name="Start without a score").click()
    expect(page.locator("#stage")).to_be_visible()
    expect(now).to_contain_text("Get ready")
    page.get_by_role("button", name="+1 round").click()
    page.clock.run_for(4_000)  # 0.6 s lead-in + 3 s ready: the first squeeze
    expect(now).to_have_text("Booty flex, round 1 of 4")
    page.clock.run_for(27_000)  # three squeezes and two relaxes later: the added relax
    expect(page.locator("#kind")).to_have_text("Relax")
    page.clock.run_for(3_000)
    expect(now).to_have_text("Booty flex, round 4 of 4")
    page.clock.run_for(7_000)
    expect(page.locator("#finish")).to_be_visible()
    [record] = completions(page)
    assert record["routine"] == "flare-up"
    assert (record["steps_done"], record["steps_total"]) == (1, 1)
    assert record["pain_before"] is None


def test_without_the_extra_round_it_ends_after_three(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = playing_page(context)
    page.goto(live_server.url + "/play/flare-up")
    page.get_by_role("button", name="Start without a score").click()
    expect(page.locator("#now")).to_contain_text("Get ready")
    page.clock.run_for(31_000)
    expect(page.locator("#finish")).to_be_visible()
