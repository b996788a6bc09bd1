"""Byte budgets, each file gzipped on its own as it would be served.

The app shell (issue 3) is what it takes to start the app and play a routine: the home, routine,
player and offline pages, every stylesheet and script they load (followed through static and dynamic
imports), the manifest and the service worker: at most 30 KB. The player's extras that it imports
only once a run is under way (AFTER_START: the how-to panel, keys and headset buttons, the finish's
words and Discard; until the keys load, the focused Pause button takes Space) are not needed to
start or play, so they count in the whole front end instead. The whole front end (every screen and
every static script and stylesheet; not icons) has its own ceiling, so it cannot grow unnoticed.
"""

import gzip
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from app.stores.routines import builtin_slugs
from app.web.pwa import OPTIONAL_PAGES, page_urls, shell_source, static_urls
from tests.databases import MigratedSqlite

SHELL_BUDGET = 30 * 1024
FRONT_END_BUDGET = 64 * 1024
SHELL_PAGES = ("/", "/routines/morning", "/play/morning", "/offline")
AFTER_START = (
    "/static/js/screens/play-howto.js",
    "/static/js/screens/play-keys.js",
    "/static/js/screens/play-finish.js",
)
SCRIPT = re.compile(r"<script\b[^>]*\btype=\"module\"[^>]*\bsrc=\"([^\"]+)\"")
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref=\"([^\"]+)\"")
IMPORT = re.compile(
    r"""(?:\bimport\s*(?:[\w*{}\s,]+\s*from\s*)?|\bimport\s*\(\s*)['"]([^'"]+)['"]"""
)


@pytest.fixture
def sqlite_client(_sqlite_template: MigratedSqlite, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=_sqlite_template.fresh(tmp_path)))
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


def gzipped(client: TestClient, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return len(gzip.compress(response.content))


def loaded_by(client: TestClient, roots: list[str]) -> list[str]:
    """`roots` and every stylesheet and module they load, transitively."""
    seen: list[str] = []
    todo = list(roots)
    while todo:
        url = todo.pop(0)
        if url in seen or url in AFTER_START:
            continue
        seen.append(url)
        text = client.get(url).text
        if url.endswith(".css"):
            continue
        found = IMPORT.findall(text) if url.endswith(".js") else SCRIPT.findall(text)
        found += [] if url.endswith(".js") else STYLESHEET.findall(text)
        todo += [urljoin(url, link) for link in found]
    return seen


def one_page_per_screen() -> list[str]:
    """Each screen once: a player page is the same HTML for every routine."""
    slugs = builtin_slugs()
    screens: dict[str, str] = {}
    for url in [*page_urls(), *OPTIONAL_PAGES]:
        head, _, last = url.rpartition("/")
        screens.setdefault(f"{head}/{{slug}}" if last in slugs else url, url)
    return list(screens.values())


def weigh(client: TestClient, name: str, urls: list[str], budget: int) -> int:
    sizes = {url: gzipped(client, url) for url in urls}
    for url, size in sorted(sizes.items(), key=lambda item: -item[1]):
        print(f"{size:>7,} B  {url}")
    total = sum(sizes.values())
    print(f"{name}: {total:,} B gzipped of a {budget:,} B budget ({len(sizes)} files)\n")
    return total


def test_the_app_shell_stays_under_30_kb_gzipped(sqlite_client: TestClient) -> None:
    urls = loaded_by(sqlite_client, [*SHELL_PAGES, "/sw.js"])
    urls.append("/manifest.webmanifest")
    assert "/static/js/screens/play.js" in urls
    assert "/static/js/device/kept-routines.js" in urls  # a dynamic import, followed
    play = sqlite_client.get("/static/js/screens/play.js").text
    for extra in AFTER_START:  # each an import() of play.js, never a static import of anything
        name = extra.rsplit("/", 1)[1]
        assert f"import('./{name}')" in play
        assert f"from './{name}'" not in play
    total = weigh(sqlite_client, "app shell", urls, SHELL_BUDGET)
    assert total <= SHELL_BUDGET, f"the app shell is {total:,} B gzipped, over {SHELL_BUDGET:,} B"


def test_the_whole_front_end_stays_under_64_kb_gzipped(sqlite_client: TestClient) -> None:
    pages = [u for u in one_page_per_screen() if sqlite_client.get(u).status_code == 200]
    assets = [u for u in static_urls(shell_source()) if u.endswith((".js", ".css"))]
    urls = [*pages, *assets, "/manifest.webmanifest", "/sw.js"]
    assert "/history" in urls  # other screens are counted
    assert "/static/js/screens/builder.js" in urls
    assert set(AFTER_START) <= set(urls)  # the player's extras are counted here
    total = weigh(sqlite_client, "whole front end", urls, FRONT_END_BUDGET)
    assert total <= FRONT_END_BUDGET, f"the front end is {total:,} B gzipped, over 64 KB"
