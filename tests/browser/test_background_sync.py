"""Background Sync: when the browser fires the service worker's sync event, the open page syncs."""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import Browser, expect

from tests.browser.conftest import PHONE, LiveServer, eventually
from tests.browser.test_pwa import UNTIL_CONTROLLED
from tests.browser.test_sync import server_runs, sign_up_in_page

# Written straight into IndexedDB, so neither the store's event nor any other trigger starts a sync.
WRITE_QUIETLY = """(record) => new Promise((resolve, reject) => {
  const open = indexedDB.open("squeeze");
  open.onsuccess = () => {
    const tx = open.result.transaction("completions", "readwrite");
    tx.objectStore("completions").put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  };
  open.onerror = () => reject(open.error);
})"""


def test_the_sync_event_makes_the_open_page_push_its_outbox(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(live_server.url + "/account")
    page.evaluate(UNTIL_CONTROLLED)
    sign_up_in_page(page, "anna")
    started = datetime.now(ZoneInfo("Europe/Berlin")).replace(microsecond=0) - timedelta(hours=1)
    run_id = str(uuid.uuid4())
    page.evaluate(
        WRITE_QUIETLY,
        {
            "id": run_id,
            "routine": "morning",
            "routine_version": 1,
            "started_at": started.isoformat(),
            "finished_at": (started + timedelta(minutes=3)).isoformat(),
            "timezone": "Europe/Berlin",
            "steps_done": 2,
            "steps_total": 2,
            "pain_before": 4,
            "pain_after": 2,
            "notes": "",
            "modified_at": (started + timedelta(minutes=3)).isoformat(),
            "deleted": False,
            "dirty": 1,
        },
    )
    assert server_runs(live_server, "anna") == []

    cdp = context.new_cdp_session(page)
    registrations: list[str] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(r["registrationId"] for r in event["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    eventually(page, lambda: bool(registrations))
    cdp.send(
        "ServiceWorker.dispatchSyncEvent",
        {
            "origin": live_server.url,
            "registrationId": registrations[0],
            "tag": "squeeze-sync",
            "lastChance": False,
        },
    )
    eventually(page, lambda: [r["id"] for r in server_runs(live_server, "anna")] == [run_id])
    expect(page.locator("#sync-badge")).to_be_hidden()
    context.close()
