"""Every screen loads without a console error or warning: no CSP violation, no bad header."""

from playwright.sync_api import Browser, ConsoleMessage, Error

from tests.browser.conftest import PHONE, LiveServer

SCREENS = (
    "/",
    "/routines/morning",
    "/play/morning",
    "/history",
    "/settings",
    "/account",
    "/devices",
    "/routines/new",
    "/offline",
    "/help",
    "/exercises",
    "/exercises/wall-march",
    "/routines/hinge",
)


def test_no_screen_logs_an_error_or_a_warning(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    problems: list[str] = []
    for url in SCREENS:
        page = context.new_page()

        def note(message: ConsoleMessage, url: str = url) -> None:
            if message.type in ("error", "warning"):
                problems.append(f"{url}: {message.text}")

        def crash(error: Error, url: str = url) -> None:
            problems.append(f"{url}: {error}")

        page.on("console", note)
        page.on("pageerror", crash)
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        page.close()
    context.close()
    assert problems == []
