"""/docs shows every operation in Swagger UI from this server's own files, under its own CSP."""

from urllib.parse import urlparse

from playwright.sync_api import Browser, ConsoleMessage, Request

from tests.browser.conftest import LiveServer


def test_the_api_docs_render_from_own_files_without_a_csp_violation(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    hosts: set[str] = set()

    def note(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(message.text)

    def seen(request: Request) -> None:
        hosts.add(urlparse(request.url).netloc)

    page.on("console", note)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", seen)
    page.goto(live_server.url + "/docs")
    page.locator(".opblock").first.wait_for(timeout=20_000)
    assert page.locator(".opblock").count() >= 20
    assert "Squeeze" in page.locator(".info .title").inner_text()
    page.screenshot(path="/tmp/i14/docs.png")
    context.close()
    assert problems == []
    assert hosts == {urlparse(live_server.url).netloc}  # nothing from a CDN
