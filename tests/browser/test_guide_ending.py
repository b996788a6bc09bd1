"""Ending a run: End asks first, the finish says the run ended early, and Discard leaves no run on
the device or on the server."""

from datetime import UTC, datetime, timedelta
from typing import Any

from playwright.sync_api import Browser, expect

from tests.browser.conftest import LiveServer, eventually
from tests.browser.player_rig import Phone, open_phone, start
from tests.browser.test_sync import server_runs, sign_up_in_page


def runs_on_device(phone: Phone) -> list[dict[str, Any]]:
    return [r for r in phone.completions() if not r["deleted"]]


def end_after_the_stretch(phone: Phone) -> None:
    """Plays the morning's first step (both sides), then ends during the squeezes."""
    page = phone.page
    start(phone)
    page.clock.run_for(75_000 + 2_000)
    page.get_by_role("button", name="End run…").click()
    dialog = page.get_by_role("dialog", name="End this run now?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="End the run").click()


def test_end_asks_first_and_keep_going_goes_on(browser: Browser, live_server: LiveServer) -> None:
    phone = open_phone(browser, live_server, "/play/morning")
    page = phone.page
    start(phone)
    page.clock.run_for(3_000)
    page.get_by_role("button", name="End run…").click()
    page.get_by_role("dialog").get_by_role("button", name="Keep going").click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.locator("#stage")).to_be_visible()
    expect(page.locator("#pause")).to_be_focused()
    page.clock.run_for(5_000)
    expect(page.locator("#now")).to_have_text("Glute-driven hip flexor stretch, left side")
    phone.close()


def test_an_early_end_says_so_and_discard_forgets_a_run_that_never_left_the_device(
    browser: Browser, live_server: LiveServer
) -> None:
    phone = open_phone(browser, live_server, "/play/morning")
    page = phone.page
    # The server makes no account for this device, so the run never leaves it.
    page.route("**/api/v1/accounts/anonymous", lambda route: route.abort())
    end_after_the_stretch(phone)
    expect(page.get_by_role("heading", name="Run ended early")).to_be_visible()
    expect(page.locator("#finish-detail")).to_have_text("Ended early: 1 of 2 steps")
    expect(page.get_by_role("button", name="Keep")).to_be_visible()
    eventually(page, lambda: len(runs_on_device(phone)) == 1)  # kept until the person decides
    page.get_by_role("button", name="Discard this run").click()
    expect(page.get_by_text("Discarded: this run is not in your history.")).to_be_visible()
    assert phone.completions() == []
    page.reload()  # and it does not come back as a finished run to save
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    phone.close()


def test_discard_after_the_run_went_up_deletes_it_on_the_server(
    browser: Browser, live_server: LiveServer
) -> None:
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)  # the server takes no runs from the future
    phone = open_phone(browser, live_server, "/account", at=an_hour_ago)
    page = phone.page
    sign_up_in_page(page, "dora")
    page.goto(live_server.url + "/play/morning")
    end_after_the_stretch(phone)
    eventually(page, lambda: len(server_runs(live_server, "dora")) == 1)  # it went up at once
    page.clock.run_for(20_000)  # a moment to decide: the discard is a later change than the run
    page.get_by_role("button", name="Discard this run").click()
    expect(page.get_by_text("Discarded: this run is not in your history.")).to_be_visible()
    eventually(page, lambda: server_runs(live_server, "dora") == [])
    eventually(
        page,
        lambda: runs_on_device(phone) == [] and not any(r["dirty"] for r in phone.completions()),
    )
    phone.close()
