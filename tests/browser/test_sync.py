"""Offline-first sync in a real Chromium: two browser contexts are two devices of one person."""

import re
import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.auth import PASSWORD
from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer, eventually

ZONE = "Europe/Berlin"
STORE = "/static/js/device/store.js"


def finish_run(page: Page, minutes_ago: int = 60, note: str = "") -> str:
    """A run finished on this device, saved the way the player saves it (store.putCompletion)."""
    started = datetime.now(ZoneInfo(ZONE)).replace(microsecond=0) - timedelta(minutes=minutes_ago)
    record = {
        "id": str(uuid.uuid4()),
        "routine": "morning",
        "routine_version": 1,
        "started_at": started.isoformat(),
        "finished_at": (started + timedelta(minutes=4)).isoformat(),
        "timezone": ZONE,
        "steps_done": 4,
        "steps_total": 4,
        "pain_before": 5,
        "pain_after": 3,
        "notes": note,
        "deleted": False,
    }
    page.evaluate(f"async (r) => (await import('{STORE}')).putCompletion(r)", record)
    return str(record["id"])


def device_ids(page: Page) -> list[str]:
    ids: list[str] = page.evaluate(
        f"async () => (await (await import('{STORE}')).allCompletions()).map((r) => r.id)"
    )
    return sorted(ids)


def server_runs(server: LiveServer, username: str) -> list[dict[str, Any]]:
    """The account's runs as the API lists them (a fresh token, as a third device)."""
    token = httpx.post(
        f"{server.url}/api/v1/tokens",
        json={"username": username, "password": PASSWORD, "device_name": "Checker"},
    ).json()["token"]
    answer = httpx.get(
        f"{server.url}/api/v1/completions", headers={"Authorization": f"Bearer {token}"}
    )
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


def open_account(context: BrowserContext, server: LiveServer) -> Page:
    page = context.new_page()
    page.goto(server.url + "/account")
    expect(page.get_by_role("heading", name="Account", exact=True)).to_be_visible()
    return page


def sign_up_in_page(page: Page, username: str) -> None:
    form = page.locator("#sign-up-form")
    form.get_by_label("Username").fill(username)
    form.get_by_label("Password").fill(PASSWORD)
    # A device that already ran anonymously keeps that history instead of making a new account.
    form.get_by_role("button", name=re.compile("Create account|Keep my history")).click()
    expect(page.get_by_role("heading", name=f"Signed in as {username}")).to_be_visible()


def sign_in_in_page(page: Page, username: str) -> None:
    form = page.locator("#sign-in-form")
    form.get_by_label("Username").fill(username)
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name=f"Signed in as {username}")).to_be_visible()


def anna_on_both(
    devices: tuple[BrowserContext, BrowserContext], server: LiveServer
) -> tuple[Page, Page]:
    """anna signs up on the phone and signs in on the laptop; the account pages of both."""
    phone = open_account(devices[0], server)
    sign_up_in_page(phone, "anna")
    laptop = open_account(devices[1], server)
    sign_in_in_page(laptop, "anna")
    return phone, laptop


def sign_out_keeping_runs(page: Page) -> None:
    """Signs out while runs are unsynced, and keeps them on the device."""
    page.get_by_role("button", name="Sign out on this device").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Sign out, keep them here").click()
    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()


@pytest.fixture
def two_devices(browser: Browser) -> Any:
    phone = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    laptop = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    yield phone, laptop
    phone.close()
    laptop.close()


def test_a_run_finished_before_sign_up_is_kept_and_uploaded(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    page = open_account(context, live_server)
    run_id = finish_run(page, note="before I had an account")
    # Anonymous first: the run goes up to an account with no username; the form offers to keep it.
    badge = page.get_by_role("status").filter(has_text="not synced yet")
    expect(page.get_by_role("heading", name="Keep your history")).to_be_visible()
    assert violations(page) == []

    sign_up_in_page(page, "anna")
    expect(page.locator("#account-status")).to_contain_text("Your history is kept as anna")
    expect(badge).to_be_hidden()
    assert device_ids(page) == [run_id]
    [stored] = server_runs(live_server, "anna")
    assert stored["id"] == run_id
    assert stored["notes"] == "before I had an account"
    assert violations(page) == []
    context.close()


def test_runs_finished_offline_reach_the_server_and_the_other_device_once(
    two_devices: tuple[BrowserContext, BrowserContext], live_server: LiveServer
) -> None:
    phone_context = two_devices[0]
    phone, laptop = anna_on_both(two_devices, live_server)

    phone_context.set_offline(True)
    ran = sorted([finish_run(phone, 90), finish_run(phone, 30)])
    expect(phone.locator("#sync-badge")).to_have_text("2 runs not synced yet")
    assert server_runs(live_server, "anna") == []

    phone_context.set_offline(False)  # the `online` event syncs
    expect(phone.locator("#sync-badge")).to_be_hidden()
    assert sorted(r["id"] for r in server_runs(live_server, "anna")) == ran

    laptop.reload()  # opening the app syncs
    expect(laptop.get_by_role("heading", name="Signed in as anna")).to_be_visible()
    eventually(laptop, lambda: device_ids(laptop) == ran)
    # A second round trip on each device changes nothing: still exactly one copy of each run.
    phone.reload()
    laptop.reload()
    expect(phone.get_by_role("heading", name="Signed in as anna")).to_be_visible()
    assert sorted(r["id"] for r in server_runs(live_server, "anna")) == ran
    assert device_ids(phone) == ran


def test_sign_out_asks_before_leaving_unsynced_runs_and_keeps_them(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    page = open_account(context, live_server)
    sign_up_in_page(page, "anna")
    context.set_offline(True)
    run_id = finish_run(page)
    page.get_by_role("button", name="Sign out on this device").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("1 run from this device is not synced yet")
    assert violations(page) == []
    dialog.get_by_role("button", name="Sign out, keep them here").click()
    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    assert device_ids(page) == [run_id]
    context.set_offline(False)
    sign_in_in_page(page, "anna")
    expect(page.locator("#sync-badge")).to_be_hidden()
    assert [r["id"] for r in server_runs(live_server, "anna")] == [run_id]
    context.close()


def test_devices_are_listed_and_revoking_one_signs_it_out(
    two_devices: tuple[BrowserContext, BrowserContext], live_server: LiveServer
) -> None:
    phone, laptop = anna_on_both(two_devices, live_server)

    phone.goto(live_server.url + "/devices")
    devices = phone.get_by_role("list", name="Signed-in devices").get_by_role("listitem")
    expect(devices).to_have_count(2)
    expect(devices.first).to_contain_text("(this device)")
    assert violations(phone) == []
    devices.nth(1).get_by_role("button", name="Revoke").click()
    expect(phone.locator("#devices-status")).to_contain_text("can no longer sync")
    expect(devices).to_have_count(1)

    laptop.reload()  # its next sync answers 401: the laptop shows itself signed out
    expect(laptop.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    assert violations(laptop) == []


def test_a_run_played_offline_on_the_player_is_uploaded_when_back_online(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    context.add_init_script("localStorage.setItem('squeeze.safety-seen', '1')")
    account = open_account(context, live_server)
    sign_up_in_page(account, "anna")
    account.close()

    page = context.new_page()
    page.clock.install(time=datetime.now().timestamp() - 3600)
    page.goto(live_server.url + "/play/flare-up")
    start = page.get_by_role("button", name="Start")
    expect(start.or_(page.locator("#stage")).first).to_be_visible()  # the routine is loaded
    context.set_offline(True)  # the subway: no network from here on
    if start.is_visible():
        start.click()
    page.clock.run_for(35_000)
    expect(page.locator("#finish")).to_be_visible()
    expect(page.locator("#sync-badge")).to_have_text("1 run not synced yet")

    context.set_offline(False)
    expect(page.locator("#sync-badge")).to_be_hidden()
    [stored] = server_runs(live_server, "anna")
    assert stored["routine"] == "flare-up"
    assert (stored["steps_done"], stored["steps_total"]) == (1, 1)
    context.close()


def test_runs_kept_at_sign_out_go_to_their_own_account_not_the_next_one(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    page = open_account(context, live_server)
    sign_up_in_page(page, "anna")
    context.set_offline(True)
    run_id = finish_run(page, note="anna's run")
    sign_out_keeping_runs(page)
    context.set_offline(False)

    # Someone else signs up on the same phone: anna's run is not theirs to upload.
    sign_up_in_page(page, "ben")
    expect(page.locator("#account-status")).to_contain_text("Everything on this device is synced")
    assert server_runs(live_server, "ben") == []
    assert server_runs(live_server, "anna") == []
    assert device_ids(page) == [run_id]

    page.get_by_role("button", name="Sign out on this device").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Sign out", exact=True).click()
    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    sign_in_in_page(page, "anna")
    eventually(page, lambda: [r["id"] for r in server_runs(live_server, "anna")] == [run_id])
    assert server_runs(live_server, "ben") == []
    context.close()
