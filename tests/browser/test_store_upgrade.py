"""The device store across versions of its database (store.js), on Chromium's real IndexedDB.

A later release adds a step to `UPGRADES`; here that release is the served store.js with one more
step, so the tests open a database the current release made, as a phone updating the app would.
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from tests.browser.conftest import LiveServer

STORE = "/static/js/device/store.js"
# Release 2's step: an index on the completions store release 1 made (so it needs the upgrade's
# own transaction), and a new store.
NEXT_STEP = """  (db, tx) => {
    tx.objectStore('completions').createIndex('routine', 'routine');
    db.createObjectStore('drafts');
  },
];"""
RECORD = {
    "id": "9b2c0d3e-0000-4000-8000-000000000001",
    "routine": "morning",
    "routine_version": 1,
    "started_at": "2026-11-22T07:02:11+01:00",
    "finished_at": "2026-11-22T07:06:40+01:00",
    "timezone": "Europe/Berlin",
    "steps_done": 2,
    "steps_total": 2,
    "pain_before": 4,
    "pain_after": 2,
    "notes": "",
    "deleted": False,
}
SAVE = f"""async (r) => {{
  const s = await import('{STORE}');
  await s.putCompletion(r);
  await s.setMeta('username', 'ada');
}}"""
READ = f"""async () => {{
  const s = await import('{STORE}');
  const runs = (await s.allCompletions()).map((r) => r.id);
  const who = await s.getMeta('username');
  const db = await new Promise((resolve) => {{
    const q = indexedDB.open('squeeze');
    q.onsuccess = () => resolve(q.result);
  }});
  const shape = {{ version: db.version, stores: [...db.objectStoreNames],
    indexes: [...db.transaction('completions').objectStore('completions').indexNames] }};
  db.close();
  return {{ runs, who, ...shape }};
}}"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    # No service worker: every page loads the store.js its route says, not a cached one.
    context = browser.new_context(service_workers="block")
    yield context
    context.close()


def next_release(page: Page) -> Page:
    """`page` served a store.js with one more upgrade step, as the next release would have."""

    def serve(route: Route) -> None:
        source = route.fetch().text()
        assert "\n];" in source, "UPGRADES ends its first array literal"
        release_2 = source.replace("\n];", "\n" + NEXT_STEP, 1)
        route.fulfill(body=release_2, content_type="text/javascript")

    page.route(f"**{STORE}", serve)
    return page


def test_the_next_release_upgrades_the_database_step_by_step_and_keeps_the_runs(
    context: BrowserContext, live_server: LiveServer
) -> None:
    today = context.new_page()
    today.goto(live_server.url + "/")
    today.evaluate(SAVE, RECORD)
    today.close()
    later = next_release(context.new_page())
    later.goto(live_server.url + "/")
    shape = later.evaluate(READ)
    assert shape["version"] == 2
    assert shape["runs"] == [RECORD["id"]]
    assert shape["who"] == "ada"
    assert sorted(shape["stores"]) == ["completions", "drafts", "meta"]
    assert sorted(shape["indexes"]) == ["dirty", "routine"]
    later.reload()  # opening it again at its own version runs no step
    assert later.evaluate(READ)["version"] == 2


def test_an_open_tab_lets_a_newer_tab_upgrade(
    context: BrowserContext, live_server: LiveServer
) -> None:
    old_tab = context.new_page()
    old_tab.goto(live_server.url + "/")
    old_tab.evaluate(SAVE, RECORD)  # its connection stays open
    new_tab = next_release(context.new_page())
    said: list[str] = []
    new_tab.on("console", lambda m: said.append(m.text))
    new_tab.goto(live_server.url + "/")
    shape = new_tab.evaluate(READ)
    assert (shape["version"], shape["runs"]) == (2, [RECORD["id"]])
    assert not [text for text in said if "other tabs" in text]  # it was never blocked


def test_a_tab_that_holds_on_blocks_the_upgrade_with_a_warning_until_it_closes(
    context: BrowserContext, live_server: LiveServer
) -> None:
    stubborn = context.new_page()
    stubborn.goto(live_server.url + "/offline")
    # An old release's connection that does not close when asked to.
    stubborn.evaluate(
        """() => new Promise((resolve) => {
          const q = indexedDB.open('squeeze', 1);
          q.onupgradeneeded = () => {
            const db = q.result;
            db.createObjectStore('completions', { keyPath: 'id' }).createIndex('dirty', 'dirty');
            db.createObjectStore('meta');
          };
          q.onsuccess = () => { window.held = q.result; resolve(); };
        })"""
    )
    new_tab = next_release(context.new_page())
    with new_tab.expect_console_message(lambda m: "other tabs" in m.text) as warning:
        new_tab.goto(live_server.url + "/")
    assert warning.value.type == "warning"
    stubborn.close()
    assert new_tab.evaluate(READ)["version"] == 2
