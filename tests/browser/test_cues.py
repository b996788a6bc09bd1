"""The cues the player gives, observed on Chromium's real Web Audio, speech and vibration APIs."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import LiveServer, eventually
from tests.browser.player_rig import OBSERVE, TICK_MS, Phone, open_phone, start

HELD = "window.__locks.filter((lock) => !lock.released).length"
START_HZ = 1175  # audio.js: the tone that starts work
COUNT_HZ = 880  # audio.js: a 3-2-1 pip


@pytest.fixture
def morning(browser: Browser, live_server: LiveServer) -> Iterator[Phone]:
    phone = open_phone(browser, live_server, "/play/morning", init_script=OBSERVE)
    yield phone
    phone.close()


def _cues(phone: Phone) -> dict[str, Any]:
    cues: dict[str, Any] = phone.page.evaluate("window.__cues")
    return cues


def test_each_segment_is_spoken_buzzed_and_written_to_the_live_region(morning: Phone) -> None:
    start(morning)
    expect(morning.page.locator("#live")).to_have_text(
        "Get ready: Glute-driven hip flexor stretch, left side first"
    )
    morning.page.clock.run_for(5_000)
    expect(morning.page.locator("#live")).to_have_text("Glute-driven hip flexor stretch, left side")
    cues = _cues(morning)
    assert cues["spoken"] == [
        "Get ready: Glute-driven hip flexor stretch, left side first",
        "Glute-driven hip flexor stretch, left side",
    ]
    assert cues["buzzed"] == [[40], [40], [40], [250]]  # 3-2-1, then go


def test_tones_are_scheduled_ahead_on_the_audio_clock(morning: Phone) -> None:
    start(morning)
    morning.page.clock.run_for(2_000 - TICK_MS)  # three seconds before the hold begins
    assert [t for t in _cues(morning)["tones"] if t["hz"] == START_HZ] == []
    morning.page.clock.run_for(TICK_MS)
    [tone] = [t for t in _cues(morning)["tones"] if t["hz"] == START_HZ]
    assert 2.9 <= tone["ahead_s"] <= 3.0


def test_a_30_s_hold_counts_down_its_last_three_seconds(morning: Phone) -> None:
    start(morning)
    morning.page.clock.run_for(5_000 + 26_000)  # 4 s before the left-side hold ends
    assert [b for b in _cues(morning)["buzzed"] if b == [40]] == [[40]] * 3  # only the count-in
    for left in (3, 2, 1):
        morning.page.clock.run_for(1_000)
        morning.shows("Glute-driven hip flexor stretch, left side", str(left))
    pips = [b for b in _cues(morning)["buzzed"] if b == [40]]
    assert len(pips) == 6  # 3, 2, 1 before the hold, and 3, 2, 1 before it ends
    hold_began = morning.page.evaluate("Date.now()") - 29_000
    planned = sorted(
        t["at"] - hold_began
        for t in _cues(morning)["tones"]
        if t["hz"] == COUNT_HZ and 0 < t["at"] - hold_began < 30_000
    )
    # A tone aimed before the audio clock settled is aimed again: the same moment, recorded twice.
    aimed = [round(p / 1000) for p in planned]
    assert sorted(set(aimed)) == [27, 28, 29]
    assert all(abs(p - 1000 * round(p / 1000)) < 150 for p in planned)


def test_a_cue_switched_off_stays_silent(morning: Phone) -> None:
    start(morning)
    morning.page.get_by_role("button", name="Voice").click()
    morning.page.get_by_role("button", name="Vibration").click()
    expect(morning.page.get_by_role("button", name="Voice")).to_have_attribute(
        "aria-pressed", "false"
    )
    morning.page.clock.run_for(5_000)
    expect(morning.page.locator("#live")).to_have_text("Glute-driven hip flexor stretch, left side")
    cues = _cues(morning)
    assert cues["spoken"] == ["Get ready: Glute-driven hip flexor stretch, left side first"]
    assert cues["buzzed"] == []
    morning.page.reload()  # the choice is kept on the device
    expect(morning.page.get_by_role("button", name="Voice")).to_have_attribute(
        "aria-pressed", "false"
    )
    expect(morning.page.get_by_role("button", name="Tones")).to_have_attribute(
        "aria-pressed", "true"
    )


def test_the_screen_stays_on_while_playing_and_the_lock_comes_back(morning: Phone) -> None:
    page = morning.page
    assert page.evaluate(HELD) == 0
    start(morning)
    page.wait_for_function(f"{HELD} === 1")
    expect(page.locator("#wake-hint")).to_be_hidden()
    page.evaluate("window.__locks[0].release()")  # what the system does when the page hides
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    page.wait_for_function(f"{HELD} === 1 && window.__locks.length === 2")
    page.get_by_role("button", name="End run…").click()
    page.get_by_role("button", name="End the run").click()
    eventually(page, lambda: page.evaluate(HELD) == 0)  # polled from here: the page's CSP bars eval
