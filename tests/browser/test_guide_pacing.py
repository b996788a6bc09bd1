"""Paced reps on the controlled clock: a beat a rep at the compiled cadence, the rep on screen,
and a cadence the person changes (and the device remembers)."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import LiveServer
from tests.browser.player_rig import (
    OBSERVE,
    TICK_MS,
    Phone,
    begins_at,
    cues,
    open_phone,
    start,
    timeline,
)

START_HZ, BEAT_HZ = 1175, 1319  # audio.js: a set's first rep, and each rep after it


@pytest.fixture
def hip_reset(browser: Browser, live_server: LiveServer) -> Iterator[Phone]:
    phone = open_phone(browser, live_server, "/play/hip-reset", init_script=OBSERVE)
    yield phone
    phone.close()


def marches(segments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [s for s in segments if s["exercise"] == "wall-march" and s["kind"] == "reps"]


def aimed(phone: Phone, since: int, until: int) -> list[int]:
    """The page-clock moments (ms after `since`) the rep tones were aimed at, each once."""
    tones = cues(phone)["tones"]
    moments = {
        round((t["at"] - since) / 100) * 100
        for t in tones
        if t["hz"] in (START_HZ, BEAT_HZ) and since - 200 <= t["at"] < until - 200
    }
    return sorted(moments)


def test_each_wall_march_set_beats_ten_times_at_the_compiled_cadence_and_shows_the_rep(
    hip_reset: Phone, live_server: LiveServer
) -> None:
    segments = timeline(live_server, "hip-reset")
    sets = marches(segments)
    assert [(s["side"], s["set"], s["reps"], s["beat_ms"]) for s in sets] == [
        ("left", 1, 10, 2000),
        ("right", 1, 10, 2000),
        ("left", 2, 10, 2000),
        ("right", 2, 10, 2000),
    ]
    page = hip_reset.page
    start(hip_reset)
    t0 = page.evaluate("Date.now()")
    page.clock.run_for(begins_at(segments, sets[0]["index"]))
    for march in sets:
        began = t0 + begins_at(segments, march["index"])
        for rep in range(1, 11):
            page.clock.run_for(TICK_MS)  # just after the beat
            expect(page.locator("#count")).to_have_text(f"{rep} of 10")
            expect(page.locator("#now")).to_have_text(
                f"Wall march, {march['side']} side, set {march['set']} of 2"
            )
            page.clock.run_for(2000 - TICK_MS)
        assert aimed(hip_reset, began, began + 20_000) == list(range(0, 20_000, 2000)), march
        following = [s["index"] for s in sets if s["index"] > march["index"]][:1]
        if following:  # on through the switch or the rest to the next set
            page.clock.run_for(begins_at(segments, following[0]) - (began - t0) - 20_000)
    spoken = cues(hip_reset)["spoken"]
    counted = [t for t in spoken if t.isdigit()]
    assert counted[-40:] == [str(n) for n in range(1, 11)] * 4  # every rep said, every set


def test_a_slower_cadence_spaces_the_beats_further_apart_and_is_remembered(
    hip_reset: Phone, live_server: LiveServer
) -> None:
    segments = timeline(live_server, "hip-reset")
    march = marches(segments)[0]
    page = hip_reset.page
    start(hip_reset)
    t0 = page.evaluate("Date.now()")
    page.clock.run_for(begins_at(segments, march["index"]) - 2000)  # in the prepare
    cadence = page.get_by_role("group", name="Cadence")
    expect(cadence).to_contain_text("One rep every 2 s")
    cadence.get_by_role("button", name="Slower").click()
    expect(cadence).to_contain_text("One rep every 2.5 s")
    page.clock.run_for(2000 + TICK_MS)
    expect(page.locator("#count")).to_have_text("1 of 10")
    page.clock.run_for(2500)
    expect(page.locator("#count")).to_have_text("2 of 10")
    page.clock.run_for(2000)
    expect(page.locator("#count")).to_have_text("2 of 10")  # at 2 s a rep this would be 3
    page.clock.run_for(500)
    expect(page.locator("#count")).to_have_text("3 of 10")
    began = t0 + begins_at(segments, march["index"])
    assert aimed(hip_reset, began, began + 7_000) == [0, 2500, 5000]
    cadence.get_by_role("button", name="Faster").click()  # back to 2 s, from rep 3 on
    expect(cadence).to_contain_text("One rep every 2 s")
    cadence.get_by_role("button", name="Slower").click()
    page.goto(page.url)  # a new visit: the device remembers the wall march's cadence
    beats = page.evaluate("JSON.parse(localStorage.getItem('squeeze.beats'))")
    assert beats == {"wall-march": 2500}
