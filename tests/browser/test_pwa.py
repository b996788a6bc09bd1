"""The service worker in a real Chromium: offline pages and timelines, and updates that wait."""

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from app.web.pwa import ShellSource, shell_source
from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer

UPDATE_NOTICE = "A new version of Squeeze is ready."
# Awaited in the page with `evaluate` (wait_for_function strings are `eval`, which our CSP forbids).
UNTIL_CONTROLLED = """async () => {
  if (navigator.serviceWorker.controller) return;
  await new Promise((resolve) =>
    navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
}"""
UNTIL_INSTALLED = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update();
  const worker = registration.installing || registration.waiting;
  if (!worker) throw new Error("the server offered no new service worker");
  while (worker.state !== "installed") {
    if (worker.state === "redundant") throw new Error("the new service worker failed to install");
    await new Promise((resolve) => worker.addEventListener("statechange", resolve, { once: true }));
  }
}"""
UNTIL_ACTIVATED = """async () => {
  const worker = (await navigator.serviceWorker.ready).active;
  while (worker.state !== "activated") {
    await new Promise((resolve) => worker.addEventListener("statechange", resolve, { once: true }));
  }
}"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh phone-sized context (in place of pytest-playwright's): no worker, no caches yet."""
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    yield context
    context.close()


def open_controlled(context: BrowserContext, url: str) -> Page:
    """A page at `url` once the service worker has installed and controls it."""
    page = context.new_page()
    page.goto(url)
    page.evaluate(UNTIL_CONTROLLED)
    return page


def shell_version(context: BrowserContext, server: LiveServer) -> str:
    """The version of the shell the server would install now."""
    first_line = context.request.get(server.url + "/sw.js").text().split("\n", 1)[0]
    match = re.search(r'"version": "(\w+)"', first_line)
    assert match, first_line
    return match.group(1)


def serve_changed_shell(server: LiveServer, tmp_path: Path) -> None:
    """From now on the server renders its worker for a copy of the shell with one CSS edit."""
    real = shell_source()
    copy = ShellSource(tmp_path / "static", real.templates_dir, real.worker_file)
    shutil.copytree(real.static_dir, copy.static_dir)
    with (copy.static_dir / "css" / "app.css").open("a") as css:
        css.write("\n/* a new release */\n")
    server.app.dependency_overrides[shell_source] = lambda: copy


def look_for_update(page: Page) -> None:
    """What the browser does on a later visit: fetch /sw.js again and install it if it changed."""
    page.evaluate(UNTIL_INSTALLED)


def cache_names(page: Page) -> list[str]:
    names: list[str] = page.evaluate("caches.keys()")
    return names


def test_home_player_and_timeline_load_offline_from_the_cache(
    context: BrowserContext, live_server: LiveServer
) -> None:
    base = live_server.url
    timeline = context.request.get(base + "/api/v1/routines/morning").json()
    page = open_controlled(context, base + "/")
    context.set_offline(True)

    page.reload()
    expect(page.get_by_role("heading", name="Morning routine")).to_be_visible()
    morning = page.goto(base + "/play/morning")
    assert morning is not None
    assert morning.from_service_worker
    player_html = morning.text()
    expect(page.get_by_role("heading", name="Morning routine", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    offline_timeline = page.evaluate("fetch('/api/v1/routines/morning').then((r) => r.json())")
    assert offline_timeline == timeline
    assert len(offline_timeline["timeline"]) > 0
    # Any routine's player is the one cached page: it reads the slug from the address.
    custom = page.goto(base + "/play/a-routine-made-on-this-phone")
    assert custom is not None
    assert custom.text() == player_html


def test_an_api_read_never_stored_answers_a_problem_offline(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = open_controlled(context, live_server.url + "/offline")
    context.set_offline(True)
    answer = page.evaluate(
        """fetch('/api/v1/routines/not-stored').then(async (r) =>
             ({status: r.status, type: r.headers.get('content-type'), body: await r.json()}))"""
    )
    assert answer["status"] == 503
    assert answer["type"] == "application/problem+json"
    assert answer["body"]["title"] == "Offline"


def test_a_signed_in_answer_is_never_kept_in_the_shared_cache(
    context: BrowserContext, live_server: LiveServer
) -> None:
    base = live_server.url
    signup = {"username": "offline-tester", "password": "correct horse battery"}
    token = context.request.post(base + "/api/v1/accounts", data=signup).json()["token"]
    own = {
        "name": "Desk break",
        "steps": [{"exercise": "booty-flex", "mode": "timed", "work_s": 7}],
    }
    auth = {"Authorization": f"Bearer {token}"}
    assert context.request.post(base + "/api/v1/routines", data=own, headers=auth).status == 201
    page = open_controlled(context, base + "/")
    list_slugs = "(r) => r.json().then((page) => page.items.map((item) => item.slug))"
    signed_in = page.evaluate(
        f"(auth) => fetch('/api/v1/routines', {{headers: auth}}).then({list_slugs})", auth
    )
    assert "desk-break" in signed_in

    context.set_offline(True)
    offline = page.evaluate(f"fetch('/api/v1/routines').then({list_slugs})")
    assert "morning" in offline
    assert "desk-break" not in offline


def test_an_unknown_page_offline_shows_the_offline_page(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = open_controlled(context, live_server.url + "/")
    context.set_offline(True)
    page.goto(live_server.url + "/somewhere-never-visited")
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    expect(page.get_by_role("link", name="Morning routine")).to_have_attribute(
        "href", "/play/morning"
    )


def test_a_changed_shell_installs_a_new_version_that_reload_activates(
    context: BrowserContext, live_server: LiveServer, tmp_path: Path
) -> None:
    page = open_controlled(context, live_server.url + "/")
    [installed] = cache_names(page)
    assert installed == f"squeeze-shell-{shell_version(context, live_server)}"
    notice = page.get_by_role("status").filter(has_text=UPDATE_NOTICE)
    expect(notice).to_be_hidden()

    serve_changed_shell(live_server, tmp_path)
    new = shell_version(context, live_server)
    assert f"squeeze-shell-{new}" != installed
    look_for_update(page)
    expect(notice).to_be_visible()
    assert violations(page) == []

    with page.expect_navigation():
        page.get_by_role("button", name="Reload").click()
    page.evaluate(UNTIL_ACTIVATED)
    assert cache_names(page) == [f"squeeze-shell-{new}"]
    still_waiting = page.evaluate(
        "navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)"
    )
    assert still_waiting is False
    expect(notice).to_be_hidden()


def test_the_update_prompt_waits_until_the_routine_stops_playing(
    context: BrowserContext, live_server: LiveServer, tmp_path: Path
) -> None:
    page = open_controlled(context, live_server.url + "/")
    page.evaluate("document.documentElement.dataset.playing = 'true'")
    serve_changed_shell(live_server, tmp_path)
    look_for_update(page)
    notice = page.get_by_text(UPDATE_NOTICE)
    expect(notice).to_be_hidden()
    expect(page.get_by_role("button", name="Reload")).to_have_count(0)

    page.evaluate("delete document.documentElement.dataset.playing")
    expect(notice).to_be_visible()
    page.evaluate("document.documentElement.dataset.playing = 'true'")
    expect(notice).to_be_hidden()
    # Still the old version: nothing was activated behind the routine's back.
    assert page.evaluate("navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_offline_page_is_accessible(
    browser: Browser, live_server: LiveServer, scheme: str
) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(live_server.url + "/offline")
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    assert violations(page) == []
    context.close()
