"""A routine built on the phone plays offline, and its run names the version it played."""

from typing import Any

from playwright.sync_api import Browser, expect

from tests.browser.conftest import PHONE, LiveServer
from tests.browser.test_builder import SAFETY_SEEN, compose_desk_break, keep_token, sign_up
from tests.browser.test_pwa import UNTIL_CONTROLLED

START = 1_795_000_000
ALL_COMPLETIONS = "async () => (await import('/static/js/device/store.js')).allCompletions()"


def test_a_saved_routine_plays_offline_and_its_run_keeps_the_version(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    context.add_init_script(SAFETY_SEEN)
    page = context.new_page()
    page.clock.install(time=START)
    page.goto(live_server.url + "/")
    page.evaluate(UNTIL_CONTROLLED)
    keep_token(page, sign_up(live_server))

    page.goto(live_server.url + "/routines/new")
    compose_desk_break(page)
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("status")).to_contain_text("Saved as version 1.")
    # A second edit: the run must name version 2, the one it plays.
    page.locator("#steps > li").first.get_by_label("Work, seconds").fill("20")
    expect(page.locator("#total")).to_have_text("Total time: 2 min 20 s.")
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_role("status")).to_contain_text("Saved as version 2.")

    context.set_offline(True)
    page.goto(live_server.url + "/play/desk-break")
    expect(page.locator("#routine-name")).to_have_text("Desk break")
    # Its steps are shown where they can be changed: in the builder, not a built-in's page.
    expect(page.locator("#details")).to_have_attribute("href", "/routines/desk-break/edit")
    page.get_by_role("button", name="Start").click()
    expect(page.locator("#stage")).to_be_visible()
    page.clock.run_for(5_600)  # the lead-in and 5 s to get into the stretch
    expect(page.locator("#now")).to_contain_text("left side")
    page.clock.run_for(20_000 + 5_000)
    expect(page.locator("#now")).to_contain_text("right side")
    page.clock.run_for(20_000 + 5_000)
    expect(page.locator("#now")).to_have_text("Hip bridge, set 1 of 2")  # a paced set: reps counted
    page.clock.run_for(20_000 + 45_000 + 20_000)
    expect(page.locator("#finish")).to_be_visible()

    records: list[dict[str, Any]] = page.evaluate(ALL_COMPLETIONS)
    [record] = records
    assert record["routine"] == "desk-break"
    assert record["routine_version"] == 2
    assert (record["steps_done"], record["steps_total"]) == (2, 2)
    assert record["dirty"] == 1
    context.close()
