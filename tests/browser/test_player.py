"""The player in a real Chromium, on Playwright's clock: timing, controls, reloads, saving."""

from collections.abc import Iterator
from datetime import datetime
from itertools import pairwise

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import LiveServer, eventually
from tests.browser.player_rig import TICK_MS, Phone, open_phone, start, timeline


@pytest.fixture
def morning(browser: Browser, live_server: LiveServer) -> Iterator[Phone]:
    phone = open_phone(browser, live_server, "/play/morning")
    yield phone
    phone.close()


def _seconds(duration_ms: int) -> str:
    return str(duration_ms // 1000)


def test_every_segment_of_the_morning_routine_starts_at_its_moment(
    morning: Phone, live_server: LiveServer
) -> None:
    segments = timeline(live_server, "morning")
    start(morning)
    morning.shows(segments[0]["label"], "5")
    for before, segment in pairwise(segments):
        morning.page.clock.run_for(before["duration_ms"] - TICK_MS)
        morning.shows(before["label"], "1")
        morning.page.clock.run_for(TICK_MS)
        morning.shows(segment["label"], _seconds(segment["duration_ms"]))
    morning.page.clock.run_for(segments[-1]["duration_ms"])
    expect(morning.page.get_by_role("heading", name="Done. Nicely squeezed.")).to_be_visible()


def test_pause_holds_the_countdown_and_resume_carries_on(morning: Phone) -> None:
    start(morning)
    morning.page.clock.run_for(8_000)  # 3 s into the 30 s hold
    morning.shows("Glute-driven hip flexor stretch, left side", "27")
    morning.page.get_by_role("button", name="Pause").click()
    morning.page.clock.run_for(60_000)
    morning.shows("Glute-driven hip flexor stretch, left side", "27")
    expect(morning.page.locator("#kind")).to_have_text("Paused")
    morning.page.get_by_role("button", name="Resume").click()
    morning.page.clock.run_for(27_000 - TICK_MS)
    morning.shows("Glute-driven hip flexor stretch, left side", "1")
    morning.page.clock.run_for(TICK_MS)
    morning.shows("Switch to the right side", "5")


def test_skip_moves_on_now_and_back_returns(morning: Phone) -> None:
    start(morning)
    morning.page.clock.run_for(2_000)
    morning.page.get_by_role("button", name="Skip").click()
    morning.shows("Glute-driven hip flexor stretch, left side", "30")
    morning.page.clock.run_for(1_000)
    morning.shows("Glute-driven hip flexor stretch, left side", "29")
    morning.page.get_by_role("button", name="Skip").click()
    morning.shows("Switch to the right side", "5")
    morning.page.get_by_role("button", name="Back").click()
    morning.shows("Glute-driven hip flexor stretch, left side", "30")
    expect(morning.page.locator("#next")).to_have_text("Switch to the right side")


def test_a_reload_mid_routine_resumes_in_the_right_place(morning: Phone) -> None:
    start(morning)
    morning.page.clock.run_for(50_000)  # 10 s into the right-side hold
    morning.shows("Glute-driven hip flexor stretch, right side", "20")
    morning.page.reload()
    morning.page.clock.run_for(3_000)
    morning.shows("Glute-driven hip flexor stretch, right side", "17")
    assert morning.page.evaluate("document.documentElement.dataset.playing") == "true"


def test_after_a_stall_the_player_is_where_the_clock_says_and_skips_missed_cues(
    morning: Phone,
) -> None:
    start(morning)
    morning.page.clock.run_for(75_000)  # the first squeeze begins
    morning.shows("Booty flex, round 1 of 10", "7")
    morning.page.clock.fast_forward(4_000)  # the event loop stalls: timers fire once, late
    morning.shows("Booty flex, round 1 of 10", "3")
    skipped = morning.page.evaluate("Number(document.documentElement.dataset.skippedCues)")
    assert skipped >= 3  # the rising pips at 1, 2 and 3 s were not played late


def test_a_finished_run_is_saved_on_the_device_with_its_pain_scores(
    morning: Phone, live_server: LiveServer
) -> None:
    total_ms = sum(s["duration_ms"] for s in timeline(live_server, "morning"))
    start(morning, pain_before=4)
    morning.page.clock.run_for(total_ms)
    page = morning.page
    expect(page.get_by_role("heading", name="Done. Nicely squeezed.")).to_be_visible()
    assert page.evaluate("document.documentElement.dataset.playing") is None
    eventually(page, lambda: bool(morning.completions()))  # saved the moment it ends
    [saved_at_once] = morning.completions()
    assert saved_at_once["pain_after"] is None

    scale = page.get_by_role("group", name="How much does your back hurt now?")
    scale.get_by_role("radio", name="2", exact=True).check()
    page.get_by_label("Note (optional)").fill("left side weaker")
    # The morning routine has a two-sided hold, so it asks which side felt weaker.
    sides = page.get_by_role("group", name="Did one side feel weaker? (optional)")
    sides.get_by_role("radio", name="Left felt weaker").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved on this device.")).to_be_visible()

    [record] = morning.completions()
    started = datetime.fromisoformat(record.pop("started_at"))
    finished = datetime.fromisoformat(record.pop("finished_at"))
    assert (finished - started).total_seconds() == total_ms / 1000
    assert started.isoformat() == "2026-11-24T08:30:10+01:00"
    assert record.pop("modified_at").endswith("+01:00")
    assert len(record.pop("id")) == 36
    # It may already have gone up to the device's anonymous account: then the server's fields are
    # there too and it is no longer in the outbox. Either way the device holds what was typed.
    for server_field in ("dirty", "local_date", "seq", "share_note"):
        record.pop(server_field, None)
    assert record == {
        "routine": "morning",
        "routine_version": 1,
        "timezone": "Europe/Berlin",
        "steps_done": 2,
        "steps_total": 2,
        "pain_before": 4,
        "pain_after": 2,
        "notes": "left side weaker",
        "weaker_side": "left",
        "deleted": False,
    }
