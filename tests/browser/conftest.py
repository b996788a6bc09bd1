"""Browser fixtures: Debian's Chromium driven by Playwright (the served app, `live_server`, comes
from the top-level conftest)."""

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

# Browser tests name the server's type from here; it lives with the fixture in tests/conftest.py.
from tests.conftest import LiveServer as LiveServer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"{CHROMIUM} is missing in CI: the browser tests cannot run")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.nodeid:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def eventually(page: Page, check: Callable[[], bool], timeout_s: float = 10) -> None:
    """Wait until `check()` holds; it reads state the page changes asynchronously (IndexedDB)."""
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout_s} s")
        page.wait_for_timeout(50)
