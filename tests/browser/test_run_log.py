"""The run log, the import and the devices and account screens in a real Chromium."""

import json
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.auth import PASSWORD
from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer, eventually
from tests.browser.screenshots import screenshot_path
from tests.browser.test_calendar_size import push_days
from tests.browser.test_history import ZONE, keep_token, log_run, sign_up


def server_run(server: LiveServer, headers: dict[str, str], run_id: str) -> dict[str, object]:
    answer = httpx.get(f"{server.url}/api/v1/completions/{run_id}", headers=headers)
    assert answer.status_code == 200, answer.text
    record: dict[str, object] = answer.json()
    return record


def signed_in_page(
    browser: Browser, server: LiveServer, headers: dict[str, str], scheme: str = "light"
) -> Page:
    context = browser.new_context(
        viewport=PHONE,  # type: ignore[arg-type]
        timezone_id=ZONE,
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    page.goto(server.url + "/history")
    keep_token(page, headers)
    return page


def test_the_run_log_shows_notes_and_pain_and_corrects_them_offline(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    headers = sign_up(live_server, "logger")
    log_run(live_server, headers, 3, 8, pain_before=6, pain_after=4, notes="stiff")
    for back in (2, 1):
        log_run(live_server, headers, back, 8, pain_before=5, pain_after=3, notes=f"day {back}")
    page = signed_in_page(browser, live_server, headers)
    page.goto(live_server.url + "/history/runs")
    items = page.locator("#runs > li")
    expect(items).to_have_count(3, timeout=15_000)
    expect(items.first).to_contain_text("day 1")  # newest first
    expect(items.last).to_contain_text("stiff")
    expect(items.first).to_contain_text("Pain 5 → 3")
    expect(items.first).to_contain_text("complete")
    assert violations(page) == []
    page.screenshot(path=screenshot_path(tmp_path, "run-log.png"), full_page=True)
    ids = page.evaluate("[...document.querySelectorAll('#runs > li')].map((li) => li.dataset.id)")

    page.context.set_offline(True)
    items.first.get_by_role("button").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("group", name="Pain after the run").get_by_role(
        "radio", name="1", exact=True
    ).check()
    assert violations(page) == []
    dialog.get_by_role("button", name="Save changes").click()
    expect(page.locator("#runs-status")).to_contain_text("Saved on this device")
    expect(items.first).to_contain_text("Pain 5 → 1")
    expect(items.first).to_contain_text("not synced yet")
    assert server_run(live_server, headers, ids[0])["pain_after"] == 3

    page.context.set_offline(False)
    eventually(page, lambda: server_run(live_server, headers, ids[0])["pain_after"] == 1)
    changed_at = server_run(live_server, headers, ids[0])["modified_at"]
    expect(items.first).not_to_contain_text("not synced yet")
    page.reload()  # another sync: nothing more changes on the server
    expect(items).to_have_count(3)
    page.evaluate("async () => (await import('/static/js/device/sync.js')).requestSync()")
    assert server_run(live_server, headers, ids[0])["modified_at"] == changed_at

    items.last.get_by_role("button").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete this run").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete it").click()
    expect(items).to_have_count(2)
    eventually(page, lambda: server_run(live_server, headers, ids[2])["deleted"] is True)
    gone = server_run(live_server, headers, ids[2])
    assert (gone["notes"], gone["pain_before"], gone["pain_after"]) == ("", None, None)
    page.context.close()


def test_the_run_log_draws_more_runs_as_the_list_scrolls(
    browser: Browser, live_server: LiveServer
) -> None:
    headers = sign_up(live_server, "scroller")
    push_days(live_server, headers, 60)
    page = signed_in_page(browser, live_server, headers)
    page.goto(live_server.url + "/history/runs")
    expect(page.locator("#runs-status")).to_have_text(
        "60 runs. Open one to correct it or delete it.", timeout=15_000
    )
    items = page.locator("#runs > li")
    expect(items).to_have_count(25)
    page.locator("#runs-more").scroll_into_view_if_needed()
    expect(items).to_have_count(50)
    page.locator("#runs-more").scroll_into_view_if_needed()
    expect(items).to_have_count(60)
    expect(page.locator("#runs-more")).to_have_text("")
    page.context.close()


def test_import_explains_a_wrong_file_and_a_second_import_changes_nothing(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    headers = sign_up(live_server, "importer")
    for back in range(10):
        log_run(live_server, headers, back, 8)
    export = httpx.get(live_server.url + "/api/v1/export.json", headers=headers).text
    page = signed_in_page(browser, live_server, headers)
    page.goto(live_server.url + "/settings")
    expect(page.get_by_role("button", name="Save settings")).to_be_visible()  # settings loaded
    picker = page.get_by_label("Bring back a JSON download")
    status = page.locator("#settings-status")

    not_json = tmp_path / "notes.json"
    not_json.write_text("these are my notes, not an export")
    picker.set_input_files(not_json)
    expect(status).to_contain_text("Not imported: ")
    assert "JSON.parse" not in status.inner_text()
    wrong = tmp_path / "other.json"
    wrong.write_text(json.dumps({"runs": []}))
    picker.set_input_files(wrong)
    expect(status).to_contain_text("completions")

    mine = tmp_path / "squeeze-runs.json"
    mine.write_text(export)
    picker.set_input_files(mine)
    expect(status).to_contain_text("0 new, 0 updated, 10 unchanged")
    page.evaluate("document.querySelector('#settings-status').textContent = ''")
    picker.set_input_files(mine)  # the same file again: it imports again
    expect(status).to_contain_text("0 new, 0 updated, 10 unchanged")
    assert violations(page) == []
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_devices_and_account_screens_rename_revoke_and_pass_axe(
    browser: Browser, live_server: LiveServer, scheme: str, tmp_path: Path
) -> None:
    headers = sign_up(live_server, f"dev{scheme}")
    for name in ("Old laptop", "Tablet"):
        answer = httpx.post(
            live_server.url + "/api/v1/tokens",
            json={
                "username": f"dev{scheme}",
                "password": PASSWORD,
                "device_name": name,
            },
        )
        assert answer.status_code == 201, answer.text
    page = signed_in_page(browser, live_server, headers, scheme)
    page.evaluate(
        "async () => (await import('/static/js/device/store.js')).setMeta('username', 'dev')"
    )
    page.goto(live_server.url + "/devices")
    expect(page.locator("#devices-status")).to_have_text("3 devices signed in.")
    expect(page.locator("#devices")).to_contain_text("Added ")
    assert violations(page) == []
    page.screenshot(path=screenshot_path(tmp_path, f"devices-{scheme}.png"), full_page=True)
    tablet = page.locator("#devices > li").filter(has_text="Tablet")
    tablet.get_by_label("Name", exact=True).fill("Kitchen tablet")
    tablet.get_by_role("button", name="Rename Tablet").click()
    expect(page.locator("#devices-status")).to_have_text("Renamed to Kitchen tablet.")
    page.get_by_role("button", name="Sign out every other device").click()
    expect(page.locator("#devices-status")).to_have_text("2 other devices are signed out.")
    expect(page.locator("#devices > li")).to_have_count(1)

    page.goto(live_server.url + "/account")
    expect(page.get_by_role("heading", name="Change your password")).to_be_visible()
    page.get_by_role("button", name="Delete my account…").click()
    expect(page.get_by_role("alertdialog")).to_contain_text("download your runs")
    assert violations(page) == []
    page.screenshot(path=screenshot_path(tmp_path, f"account-{scheme}.png"), full_page=True)
    page.get_by_role("button", name="Delete everything").click()
    expect(page.locator("#account-status")).to_have_text(
        "Your account and everything in it are deleted."
    )
    assert httpx.get(live_server.url + "/api/v1/account", headers=headers).status_code == 401
    page.context.close()
