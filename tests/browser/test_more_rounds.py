"""The "+1 round" button plays what the server compiled, three times at most, and after a reload."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from app.domain.timeline import MAX_EXTRA_ROUNDS
from tests.browser.conftest import PHONE, LiveServer

SAFETY_SEEN = "localStorage.setItem('squeeze.safety-seen', '1')"
START = 1_795_000_000  # a fixed wall-clock second for page.clock


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    context.add_init_script(SAFETY_SEEN)
    yield context
    context.close()


def test_one_more_round_three_times_then_the_button_is_spent(
    context: BrowserContext, live_server: LiveServer
) -> None:
    page = context.new_page()
    page.clock.install(time=START)
    page.goto(live_server.url + "/play/flare-up")
    page.get_by_role("button", name="Start without a score").click()
    more = page.get_by_role("button", name="+1 round")
    page.clock.run_for(4_000)  # the first squeeze
    for _ in range(MAX_EXTRA_ROUNDS):
        expect(more).to_be_enabled()
        more.click()
    expect(more).to_be_disabled()
    expect(page.locator("#now")).to_have_text("Booty flex, round 1 of 6")
    page.reload()  # the run resumes with its extra rounds
    expect(page.locator("#now")).to_have_text("Booty flex, round 1 of 6")
    expect(more).to_be_disabled()
    page.clock.run_for(50_000)  # five relaxes and five squeezes later: the last squeeze
    expect(page.locator("#now")).to_have_text("Booty flex, round 6 of 6")
