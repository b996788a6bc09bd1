"""Anonymous first, in a real Chromium: a fresh phone plays offline, syncs without signing up, sees
its history, then keeps it under a username that a second device signs in with."""

from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.auth import PASSWORD
from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer, eventually
from tests.browser.player_rig import open_phone, start, timeline
from tests.browser.screenshots import screenshot_path
from tests.browser.test_sync import finish_run, server_runs, sign_in_in_page


def test_a_fresh_phone_has_a_history_from_its_first_run_and_keeps_it_later(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    phone = open_phone(browser, live_server, "/play/morning", at=datetime.now(UTC))
    page = phone.page
    expect(page.get_by_role("button", name="Start")).to_be_visible()  # the routine is loaded
    phone.context.set_offline(True)
    start(phone, pain_before=6)
    page.clock.run_for(sum(s["duration_ms"] for s in timeline(live_server, "morning")))
    expect(page.get_by_role("heading", name="Done. Nicely squeezed.")).to_be_visible()
    page.get_by_role("group", name="How much does your back hurt now?").get_by_role(
        "radio", name="3", exact=True
    ).check()
    page.get_by_label("Note (optional)").fill("left side felt tighter")
    page.get_by_role("group", name="Did one side feel weaker? (optional)").get_by_role(
        "radio", name="Left felt weaker"
    ).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved on this device.")).to_be_visible()
    [run] = phone.completions()
    page.clock.resume()  # the context's clock runs on from here: the rest needs no control of it

    phone.context.set_offline(False)  # the first time online after the run: an anonymous account
    history = phone.context.new_page()
    history.goto(live_server.url + "/history")
    expect(history.locator("#history-status")).to_have_text("Up to date.", timeout=15_000)
    expect(history.locator("#current-streak")).to_have_text("1 day")
    today = history.locator(f"#heatmap [data-date='{run['started_at'][:10]}']")
    expect(today).not_to_have_attribute("data-status", "none")
    height = history.evaluate(
        "document.querySelector('#heatmap svg').getBoundingClientRect().height"
    )
    assert 120 <= height <= 140
    expect(history.locator("#history-start")).to_be_hidden()
    expect(history.locator("#sides")).to_contain_text("left weaker 1 time, right weaker 0 times")
    assert violations(history) == []
    history.screenshot(path=screenshot_path(tmp_path, "history-first-run.png"), full_page=True)

    history.goto(live_server.url + "/account")
    keep = history.locator("#sign-up-form")
    expect(keep.get_by_role("heading", name="Keep your history")).to_be_visible()
    assert violations(history) == []
    keep.get_by_label("Username").fill("anna")
    keep.get_by_label("Password").fill(PASSWORD)
    keep.get_by_role("button", name="Keep my history").click()
    recovery = history.get_by_role("alertdialog", name="Your recovery code")
    expect(recovery).to_be_visible()
    assert len(history.locator("#recovery-code").inner_text().strip()) >= 10
    expect(history.get_by_role("heading", name="Signed in as anna")).to_be_visible()
    assert violations(history) == []
    history.screenshot(path=screenshot_path(tmp_path, "account-kept.png"), full_page=True)
    recovery.get_by_role("button", name="I have kept it").click()
    expect(recovery).to_be_hidden()

    # The same run, uploaded once, seen from a second device that signs in.
    [stored] = server_runs(live_server, "anna")
    assert stored["id"] == run["id"]
    assert stored["notes"] == "left side felt tighter"
    assert stored["weaker_side"] == "left"
    laptop = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    second = laptop.new_page()
    second.goto(live_server.url + "/account")
    sign_in_in_page(second, "anna")
    second.goto(live_server.url + "/history/runs")
    entry = second.locator(f"#runs [data-id='{run['id']}']")
    expect(entry).to_contain_text("left side felt tighter", timeout=15_000)
    expect(entry).to_contain_text("Pain 6 → 3")
    assert violations(second) == []
    laptop.close()
    phone.close()


def test_signing_in_elsewhere_offers_to_move_this_devices_runs(
    browser: Browser, live_server: LiveServer
) -> None:
    # ben has an account already; this phone ran anonymously first.
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    setup = context.new_page()
    setup.goto(live_server.url + "/account")
    form = setup.locator("#sign-up-form")
    form.get_by_label("Username").fill("ben")
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Create account").click()
    expect(setup.get_by_role("heading", name="Signed in as ben")).to_be_visible()
    context.close()

    phone = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    page = phone.new_page()
    page.goto(live_server.url + "/account")
    run_id = finish_run(page, note="mine")
    expect(page.get_by_role("heading", name="Keep your history")).to_be_visible(timeout=15_000)
    sign_in = page.locator("#sign-in-form")
    sign_in.get_by_label("Username").fill("ben")
    sign_in.get_by_label("Password").fill(PASSWORD)
    sign_in.get_by_role("button", name="Sign in").click()
    choice = page.get_by_role("alertdialog")
    expect(choice).to_contain_text("Move it into ben’s history")
    assert violations(page) == []
    choice.get_by_role("button", name="Move them").click()
    expect(page.get_by_role("heading", name="Signed in as ben")).to_be_visible()
    eventually(page, lambda: [r["id"] for r in server_runs(live_server, "ben")] == [run_id])
    phone.close()
