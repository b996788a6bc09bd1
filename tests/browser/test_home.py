"""The home page in a real Chromium."""

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_lists_the_builtin_routines_accessibly(
    browser: Browser, live_server: LiveServer, scheme: str
) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Morning routine")).to_be_visible()
    expect(page.get_by_role("heading", name="Flare-up rescue")).to_be_visible()
    assert violations(page) == []
    context.close()
