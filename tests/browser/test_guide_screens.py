"""The guide's screens at phone size, light and dark: a squeeze, a paced set, a rest that says
what is next, the finish after an early end. Each passes axe and leaves a screenshot (the README's,
under `make screenshots`); the rep count stays on one line above the progress bar."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import LiveServer
from tests.browser.player_rig import Phone, begins_at, open_phone, start, timeline
from tests.browser.screenshots import png_size, screenshot_path

SCHEMES = ["light", "dark"]


def snap(phone: Phone, tmp_path: Path, name: str, scheme: str) -> None:
    phone.page.wait_for_timeout(100)  # the drawing comes in after the screen is usable
    path = screenshot_path(tmp_path, f"{name}{'' if scheme == 'light' else '-dark'}.png")
    phone.page.screenshot(path=path)
    assert png_size(path) == (390, 844)
    assert phone.violations() == [], name


def one_line(phone: Phone, selector: str) -> None:
    """`selector` is a single line of text that ends above the progress bar."""
    box = phone.page.locator(selector).bounding_box()
    bar = phone.page.locator("#progress").bounding_box()
    assert box is not None
    assert bar is not None
    line = phone.page.evaluate(
        f"parseFloat(getComputedStyle(document.querySelector('{selector}')).lineHeight) || 0"
    )
    assert box["height"] <= max(line, 1) * 1.5  # one line
    assert box["y"] + box["height"] <= bar["y"]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_squeeze_shows_its_drawing_and_three_cues(
    browser: Browser, live_server: LiveServer, tmp_path: Path, scheme: str
) -> None:
    phone = open_phone(browser, live_server, "/play/morning", scheme=scheme)
    start(phone)
    phone.page.clock.run_for(75_000 + 3_000)  # the first squeeze, 3 s in
    expect(phone.page.locator("#now")).to_have_text("Booty flex, round 1 of 10")
    howto = phone.page.locator("#howto")
    expect(howto.get_by_role("img")).to_be_visible()
    expect(howto.get_by_role("listitem")).to_have_count(3)
    snap(phone, tmp_path, "player-squeeze", scheme)
    phone.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_paced_set_shows_the_rep_and_a_rest_says_what_comes_next(
    browser: Browser, live_server: LiveServer, tmp_path: Path, scheme: str
) -> None:
    segments = timeline(live_server, "hip-reset")
    march = next(s for s in segments if s["exercise"] == "wall-march" and s["kind"] == "reps")
    phone = open_phone(browser, live_server, "/play/hip-reset", scheme=scheme)
    page = phone.page
    start(phone)
    page.clock.run_for(begins_at(segments, march["index"]) + 6_500)
    expect(page.locator("#count")).to_have_text("4 of 10")
    one_line(phone, "#count")
    snap(phone, tmp_path, "player-paced-set", scheme)
    rest = next(s for s in segments if s["kind"] == "set_rest" and s["index"] > march["index"])
    page.clock.run_for(
        begins_at(segments, rest["index"]) - begins_at(segments, march["index"]) - 6_500
    )
    page.clock.run_for(25_000)  # "Next" has been said; the pips are to come
    expect(page.locator("#next-line")).to_have_text("Next: Wall march, left side, set 2 of 2")
    expect(page.locator("#live")).to_have_text("Next: Wall march, left side, set 2 of 2")
    snap(phone, tmp_path, "player-rest-next", scheme)
    phone.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_finish_after_an_early_end(
    browser: Browser, live_server: LiveServer, tmp_path: Path, scheme: str
) -> None:
    phone = open_phone(browser, live_server, "/play/morning", scheme=scheme)
    page = phone.page
    start(phone)
    page.clock.run_for(77_000)
    page.get_by_role("button", name="End run…").click()
    expect(page.get_by_role("dialog", name="End this run now?")).to_be_visible()
    assert phone.violations() == [], "end dialog"
    page.get_by_role("button", name="End the run").click()
    expect(page.locator("#finish-detail")).to_have_text("Ended early: 1 of 2 steps")
    snap(phone, tmp_path, "player-ended-early", scheme)
    phone.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_self_paced_set_keeps_its_reps_on_one_line(
    browser: Browser, live_server: LiveServer, scheme: str
) -> None:
    segments = timeline(live_server, "bridge-builder")
    first = next(s for s in segments if s["kind"] == "reps")
    phone = open_phone(browser, live_server, "/play/bridge-builder", scheme=scheme)
    start(phone)
    phone.page.clock.run_for(begins_at(segments, first["index"]) + 200)
    expect(phone.page.locator("#count")).to_have_text(f"{first['reps']} reps")
    one_line(phone, "#count")
    assert phone.violations() == []
    phone.close()
