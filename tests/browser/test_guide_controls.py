"""Keys and headset: Space pauses, the arrows skip and go back, Enter and Media Session "next
track" end a self-paced set; focus and tab order put the main controls first."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import LiveServer
from tests.browser.player_rig import (
    OBSERVE,
    Phone,
    begins_at,
    open_phone,
    start,
    timeline,
)


@pytest.fixture
def morning(browser: Browser, live_server: LiveServer) -> Iterator[Phone]:
    phone = open_phone(browser, live_server, "/play/morning", init_script=OBSERVE)
    yield phone
    phone.close()


@pytest.fixture
def bridges(browser: Browser, live_server: LiveServer) -> Iterator[Phone]:
    phone = open_phone(browser, live_server, "/play/bridge-builder", init_script=OBSERVE)
    yield phone
    phone.close()


def test_focus_starts_on_pause_and_tab_goes_back_pause_skip_then_toggles_and_end(
    morning: Phone,
) -> None:
    page = morning.page
    start(morning)
    expect(page.locator("#pause")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(page.locator("#back")).to_be_focused()
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert order == ["Pause", "Skip", "Tones", "Voice", "Vibration", "End run…"]


def test_space_pauses_and_resumes_and_the_arrows_skip_and_go_back(morning: Phone) -> None:
    page = morning.page
    start(morning)
    page.clock.run_for(8_000)  # 3 s into the left-side hold
    morning.shows("Glute-driven hip flexor stretch, left side", "27")
    page.keyboard.press("Space")
    expect(page.locator("#kind")).to_have_text("Paused")
    page.clock.run_for(10_000)
    morning.shows("Glute-driven hip flexor stretch, left side", "27")
    page.keyboard.press("Space")  # the focused Pause button must not undo it
    expect(page.locator("#kind")).to_have_text("Go")
    page.keyboard.press("ArrowRight")
    morning.shows("Switch to the right side", "5")
    page.keyboard.press("ArrowLeft")
    morning.shows("Glute-driven hip flexor stretch, left side", "30")


def test_the_lock_screen_shows_the_step_and_its_buttons_pause_and_skip(morning: Phone) -> None:
    page = morning.page
    start(morning)
    page.clock.run_for(6_000)
    title = page.evaluate("navigator.mediaSession.metadata.title")
    assert title == "Glute-driven hip flexor stretch, left side"
    assert page.evaluate("navigator.mediaSession.metadata.artist") == "Morning routine"
    page.evaluate("window.__media.pause()")
    expect(page.locator("#kind")).to_have_text("Paused")
    page.evaluate("window.__media.play()")
    expect(page.locator("#kind")).to_have_text("Go")
    page.evaluate("window.__media.nexttrack()")
    morning.shows("Switch to the right side", "5")
    page.evaluate("window.__media.previoustrack()")
    morning.shows("Glute-driven hip flexor stretch, left side", "30")


def test_a_self_paced_set_ends_on_done_enter_or_a_headset_next_track(
    bridges: Phone, live_server: LiveServer
) -> None:
    segments = timeline(live_server, "bridge-builder")
    sets = [s for s in segments if s["kind"] == "reps"]
    page = bridges.page
    start(bridges)
    page.clock.run_for(begins_at(segments, sets[0]["index"]) + 200)
    expect(page.locator("#now")).to_have_text(sets[0]["label"])
    done = page.get_by_role("button", name="Done")
    expect(done).to_be_visible()
    expect(done).to_be_focused()  # Pause gave way to Done, and the focus went with it
    expect(page.locator("#count")).to_have_text(f"{sets[0]['reps']} reps")
    page.evaluate("window.__media.nexttrack()")  # the headset's button
    expect(page.locator("#now")).to_have_text(segments[sets[0]["index"] + 1]["label"])
    page.clock.run_for(
        begins_at(segments, sets[1]["index"]) - begins_at(segments, sets[0]["index"] + 1)
    )
    expect(page.locator("#now")).to_have_text(sets[1]["label"])
    page.get_by_role("button", name="Count a rep").click()
    page.get_by_role("button", name="Count a rep").click()
    expect(page.locator("#count")).to_have_text(f"2 of {sets[1]['reps']}")
    page.keyboard.press("Enter")
    expect(page.locator("#now")).to_have_text(segments[sets[1]["index"] + 1]["label"])
