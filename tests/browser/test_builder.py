"""The routine builder in a real Chromium: compose, preview the server's timeline, save, copy."""

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.auth import PASSWORD
from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer

# A returning user: the once-only safety notice was read on an earlier visit.
SAFETY_SEEN = "localStorage.setItem('squeeze.safety-seen', '1')"


def sign_up(server: LiveServer, username: str = "builder") -> str:
    """A new account's token, made through the API."""
    response = httpx.post(
        server.url + "/api/v1/accounts", json={"username": username, "password": PASSWORD}
    )
    assert response.status_code == 201, response.text
    token: str = response.json()["token"]
    return token


def keep_token(page: Page, token: str) -> None:
    """Signs this device in the way the account screen does: the token in the device store."""
    page.evaluate(
        "async (t) => (await import('/static/js/device/store.js')).setMeta('token', t)", token
    )


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    context.add_init_script(SAFETY_SEEN)
    yield context
    context.close()


def add_step(page: Page, exercise: str) -> None:
    page.get_by_label("Exercise to add").select_option(exercise)
    page.get_by_role("button", name="Add step").click()


def compose_desk_break(page: Page) -> None:
    """A two-sided 30 s hold, then two sets of 10 paced bridges (one every 2 s)."""
    page.get_by_label("Name").fill("Desk break")
    add_step(page, "kneeling-hip-flexor-glute-stretch")
    stretch = page.locator("#steps > li").nth(0)
    stretch.get_by_role("combobox", name="Sides").select_option("both")
    stretch.get_by_label("Get ready, s").fill("5")
    add_step(page, "glute-bridge")
    bridge = page.locator("#steps > li").nth(1)
    bridge.get_by_label("How").select_option("paced")
    expect(bridge.get_by_label("Reps", exact=True)).to_have_value("10")
    expect(bridge.get_by_label("Seconds a rep")).to_have_value("2")
    expect(bridge.get_by_label("Work, seconds")).to_be_hidden()
    bridge.get_by_label("Sets", exact=True).fill("2")
    bridge.get_by_label("Rest between sets, s").fill("45")
    bridge.get_by_label("Get ready, s").fill("5")


def test_a_composed_routine_shows_the_servers_timeline_and_saves(
    context: BrowserContext, live_server: LiveServer
) -> None:
    token = sign_up(live_server)
    page = context.new_page()
    page.goto(live_server.url + "/routines/new")
    keep_token(page, token)
    compose_desk_break(page)
    # 5 s to get ready, 30 s left, 5 s switch, 30 s right; 5 s ready, 20 s of reps, 45 s rest, 20 s.
    expect(page.locator("#total")).to_have_text("Total time: 2 min 40 s.")
    expect(page.locator("#timeline li")).to_have_count(8)
    expect(page.locator("#timeline")).to_contain_text("Switch to the right side: 5 s")
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("status")).to_contain_text("Saved as version 1.")
    expect(page.get_by_role("link", name="Play Desk break")).to_have_attribute(
        "href", "/play/desk-break"
    )
    assert page.url.endswith("/routines/desk-break/edit")
    saved = httpx.get(
        live_server.url + "/api/v1/routines/desk-break",
        headers={"Authorization": f"Bearer {token}"},
    ).json()
    assert [s["mode"] for s in saved["steps"]] == ["timed", "paced"]
    assert saved["steps"][0]["sides"] == "both"
    assert saved["duration_s"] == 160


def test_an_edit_saves_a_new_version(context: BrowserContext, live_server: LiveServer) -> None:
    token = sign_up(live_server)
    page = context.new_page()
    page.goto(live_server.url + "/routines/new")
    keep_token(page, token)
    compose_desk_break(page)
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("status")).to_contain_text("version 1")
    page.goto(live_server.url + "/routines/desk-break/edit")
    expect(page.get_by_label("Name")).to_have_value("Desk break")
    page.locator("#steps > li").first.get_by_label("Work, seconds").fill("45")
    expect(page.locator("#total")).to_have_text("Total time: 3 min 10 s.")
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("status")).to_contain_text("Saved as version 2.")


def test_a_bad_value_is_shown_on_its_field_and_nothing_is_saved(
    context: BrowserContext, live_server: LiveServer
) -> None:
    token = sign_up(live_server)
    page = context.new_page()
    page.goto(live_server.url + "/routines/new")
    keep_token(page, token)
    compose_desk_break(page)
    work = page.locator("#steps > li").first.get_by_label("Work, seconds")
    work.fill("0")
    expect(page.get_by_role("alert")).to_contain_text("Step 1")
    expect(work).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("alert")).to_contain_text("Step 1")
    mine = httpx.get(
        live_server.url + "/api/v1/routines", headers={"Authorization": f"Bearer {token}"}
    ).json()["items"]
    assert all(r["builtin"] for r in mine)


def test_saving_without_an_account_asks_to_sign_in(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = context.new_page()
    page.goto(live_server.url + "/routines/new")
    compose_desk_break(page)
    expect(page.locator("#total")).to_have_text("Total time: 2 min 40 s.")
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("alert")).to_contain_text("Sign in")


def test_a_builtin_opens_as_a_copy_and_climbs_the_bridge_ladder(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = context.new_page()
    page.goto(live_server.url + "/routines/bridge-builder")
    expect(page.get_by_role("heading", name="Bridge ladder: level 1 of 3")).to_be_visible()
    expect(page.locator(".ladder")).to_contain_text("Next: Feet-elevated hip bridge")
    page.get_by_role("link", name="Make your own copy and move it up a level").click()
    assert page.url.endswith("/routines/new?copy=bridge-builder")
    expect(page.get_by_label("Name")).to_have_value("Bridge builder (my copy)")
    ladder = page.locator("#progression-text")
    expect(ladder).to_have_text("Level 1 of 3: Hip bridge. Next: Feet-elevated hip bridge.")
    page.get_by_role("button", name="Move up to Feet-elevated hip bridge").click()
    expect(ladder).to_have_text("Level 2 of 3: Feet-elevated hip bridge. Next: Hip thrust.")


def test_a_builtin_is_never_edited_only_copied(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = context.new_page()
    page.goto(live_server.url + "/routines/morning")
    page.get_by_role("link", name="Copy it and make it your own").click()
    assert page.url.endswith("/routines/new?copy=morning")
    expect(page.get_by_label("Name")).to_have_value("Morning routine (my copy)")
    expect(page.locator("#steps > li")).to_have_count(2)
    expect(page.get_by_role("button", name="Delete routine")).to_have_count(0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_builder_is_accessible(browser: Browser, live_server: LiveServer, scheme: str) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(live_server.url + "/routines/new?copy=morning")
    expect(page.locator("#timeline li").first).to_be_visible()
    page.locator("#steps > li").first.get_by_label("Work, seconds").fill("0")
    expect(page.get_by_role("alert")).to_contain_text("Step 1")
    assert violations(page) == []
    context.close()


def test_adding_an_exercise_fills_in_its_protocol_dose_mode_and_sides(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = context.new_page()
    page.goto(live_server.url + "/routines/new")
    steps = page.locator("#steps > li")
    add_step(page, "booty-flex")
    flex = steps.nth(0)
    expect(flex.get_by_label("How")).to_have_value("timed")
    expect(flex.get_by_label("Work, seconds")).to_have_value("7")
    expect(flex.get_by_label("Rounds", exact=True)).to_have_value("10")
    expect(flex.get_by_label("Rest between rounds, s")).to_have_value("3")
    expect(flex.get_by_role("combobox", name="Sides")).to_have_value("none")
    add_step(page, "kneeling-hip-flexor-glute-stretch")
    stretch = steps.nth(1)
    expect(stretch.get_by_role("combobox", name="Sides")).to_have_value("both")
    expect(stretch.get_by_label("Work, seconds")).to_have_value("30")
    expect(stretch.get_by_label("Rounds", exact=True)).to_have_value("1")
    add_step(page, "wall-march")
    march = steps.nth(2)
    expect(march.get_by_label("How")).to_have_value("paced")
    expect(march.get_by_role("combobox", name="Sides")).to_have_value("both")
    expect(march.get_by_label("Sets", exact=True)).to_have_value("2")
    expect(march.get_by_label("Reps", exact=True)).to_have_value("10")
    expect(march.get_by_label("Work, seconds")).to_be_hidden()
    timeline = page.locator("#timeline")
    expect(timeline).to_contain_text("Booty flex, round 10 of 10: 7 s")
    expect(timeline).to_contain_text("Glute-driven hip flexor stretch, right side: 30 s")
    expect(timeline).to_contain_text("Wall march, right side, set 2 of 2: 10 reps")
    # Back to its own mode, an exercise gets its own dose again.
    march.get_by_label("How").select_option("timed")
    march.get_by_label("How").select_option("paced")
    expect(march.get_by_label("Reps", exact=True)).to_have_value("10")


def test_bad_values_are_named_by_step_and_field_in_plain_words(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = context.new_page()
    page.goto(live_server.url + "/routines/new")
    page.get_by_label("Name").fill("Squeezes")
    add_step(page, "booty-flex")
    flex = page.locator("#steps > li").nth(0)
    alert = page.get_by_role("alert")
    rounds = flex.get_by_label("Rounds", exact=True)
    rounds.fill("0")
    expect(alert).to_have_text("Step 1, rounds: at least 1")
    expect(rounds).to_have_attribute("aria-invalid", "true")
    expect(flex.locator("[data-error]")).to_have_text("Rounds: at least 1")
    rounds.fill("101")  # the most the server takes, rendered into the field by the server
    expect(alert).to_have_text(f"Step 1, rounds: at most {rounds.get_attribute('max')}")
    rounds.fill("10")
    expect(alert).to_have_text("")
    flex.get_by_label("Work, seconds").fill("")
    expect(alert).to_have_text("Step 1, work, seconds: needed")
    expect(alert).not_to_contain_text("Input should")
