"""The how-to screens in a real Chromium: exercise pages, /help, the Hinge routine, phase gates."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, expect

from tests.browser.conftest import LiveServer
from tests.browser.player_rig import open_phone, start
from tests.browser.screenshots import screenshot_path

SCHEMES = ["light", "dark"]
DESKTOP = {"width": 1280, "height": 900}
ACCENT = "getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()"
STROKE = "getComputedStyle(document.querySelector('figure.drawing svg .accent')).stroke"
# A CSS colour as the browser computes it (rgb(…)), so a custom property compares with a stroke.
RGB = """(hex) => {
  const probe = document.createElement('i');
  probe.style.color = hex;
  document.body.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  return computed;
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_an_exercise_page_shows_its_drawing_in_the_pages_colours_and_passes_axe(
    browser: Browser, live_server: LiveServer, scheme: str, tmp_path: Path
) -> None:
    phone = open_phone(browser, live_server, "/exercises/wall-march", scheme=scheme)
    page = phone.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Wall march")
    drawing = page.get_by_role("img", name="A person leans into a wall")
    expect(drawing).to_be_visible()
    assert page.evaluate(STROKE) == page.evaluate(RGB, page.evaluate(ACCENT))
    expect(page.locator("ol.cues > li")).to_have_count(3)
    expect(page.locator("main")).to_contain_text("2 sets of 10 reps on each leg")
    expect(page.locator(".sources")).to_have_text(
        "Don’t get all Butt-Hurt cuz your Back Hurts; Clean up your Hips!"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=screenshot_path(tmp_path, f"exercise-{scheme}.png"), full_page=True)
    assert phone.violations() == []
    phone.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_help_is_in_the_menu_and_passes_axe(
    browser: Browser, live_server: LiveServer, scheme: str, tmp_path: Path
) -> None:
    phone = open_phone(browser, live_server, "/", scheme=scheme)
    page = phone.page
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Help")
    expect(page.get_by_role("region", name="Safety first")).to_contain_text("not medical advice")
    expect(page.get_by_role("region", name="How the player guides you")).to_contain_text("pips")
    expect(page.get_by_role("region", name="Sources").locator("li")).to_have_count(5)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=screenshot_path(tmp_path, f"help-{scheme}.png"), full_page=True)
    assert phone.violations() == []
    page.goto(live_server.url + "/exercises")
    expect(page.locator(".exercise-list > li")).to_have_count(12)
    assert phone.violations() == []
    phone.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_routine_page_shows_each_exercises_drawing_and_passes_axe(
    browser: Browser, live_server: LiveServer, scheme: str, tmp_path: Path
) -> None:
    phone = open_phone(browser, live_server, "/routines/morning", scheme=scheme)
    page = phone.page
    drawings = page.locator(".steps img.drawing")
    expect(drawings).to_have_count(2)
    for i in range(2):
        expect(drawings.nth(i)).to_be_visible()
        assert drawings.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
    expect(page.locator(".steps > li").nth(1).locator(".cues > li")).to_have_count(3)
    page.screenshot(path=screenshot_path(tmp_path, f"routine-{scheme}.png"), full_page=True)
    assert phone.violations() == []
    phone.close()


def test_the_exercise_page_works_on_a_desktop(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(live_server.url + "/exercises/kettlebell-sumo-deadlift")
    expect(page.locator("ol.learn > li")).to_have_count(6)
    box = page.get_by_role("img").first.bounding_box()
    assert box is not None
    assert 100 < box["width"] <= 250
    context.close()


def test_out_of_phase_routines_say_why_and_play_only_after_a_confirm(
    browser: Browser, live_server: LiveServer
) -> None:
    phone = open_phone(browser, live_server, "/")
    page = phone.page
    page.clock.resume()  # the phase panel loads after the page's load event
    card = page.locator("#routines > li").filter(has_text="Hip reset")
    expect(card.locator(".out-of-phase")).to_have_text(
        "Outside your phase: Hip reset is for phase 2; you are in phase 1, Calm the back."
    )
    play = card.get_by_role("link", name="Play anyway Hip reset")
    expect(play).to_be_visible()
    morning = page.locator("#routines > li").filter(has_text="Morning routine")
    expect(morning.get_by_role("link", name="Play Morning routine", exact=True)).to_be_visible()
    expect(morning.locator(".out-of-phase")).to_have_count(0)

    asked: list[str] = []

    def answer(dialog: Dialog, accept: bool) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, accept=False))
    play.click()
    assert len(asked) == 1
    assert asked[0].endswith("Play it anyway?")
    assert page.url.endswith("/")
    page.once("dialog", lambda d: answer(d, accept=True))
    play.click()
    page.wait_for_url("**/play/hip-reset")

    page.goto(live_server.url + "/routines/hinge")
    expect(page.locator(".out-of-phase")).to_contain_text("Hinge is for phase 3")
    page.once("dialog", lambda d: answer(d, accept=True))
    page.get_by_role("link", name="Start anyway").click()
    page.wait_for_url("**/play/hinge")
    phone.close()


def test_the_hinge_routine_plays_six_self_paced_steps(
    browser: Browser, live_server: LiveServer
) -> None:
    phone = open_phone(browser, live_server, "/play/hinge")
    page = phone.page
    start(phone)
    page.clock.run_for(5_000)  # the prepare segment
    for n in range(1, 7):
        expect(page.locator("#now")).to_contain_text(f"Step {n} of 6:")
        done = page.get_by_role("button", name="Done")
        expect(done).to_be_visible()
        page.clock.run_for(60_000)  # a self-paced step waits for the tap, however long it takes
        expect(page.locator("#now")).to_contain_text(f"Step {n} of 6:")
        done.click()
    expect(page.locator("#finish")).to_be_visible()
    phone.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_home_with_routines_outside_the_phase_passes_axe(
    browser: Browser, live_server: LiveServer, scheme: str
) -> None:
    phone = open_phone(browser, live_server, "/", scheme=scheme)
    phone.page.clock.resume()
    expect(phone.page.locator("#routines .out-of-phase")).to_have_count(3)
    assert phone.violations() == []
    phone.close()
