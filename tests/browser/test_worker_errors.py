"""The service worker leaves no promise rejected unhandled: what fails offline fails as a network
error for the page, and nothing is left for the worker's `unhandledrejection`."""

from playwright.sync_api import Browser

from tests.browser.conftest import PHONE, LiveServer

UNTIL_CONTROLLED = """async () => {
  if (navigator.serviceWorker.controller) return;
  await new Promise((resolve) =>
    navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
}"""
LISTEN = """() => {
  self.unhandled = [];
  self.addEventListener('unhandledrejection', (event) => self.unhandled.push(String(event.reason)));
}"""
# A static file the shell never held, and API reads it never kept: offline, none has an answer.
NEVER_KEPT = ("/static/js/not-in-the-shell.js", "/api/v1/stats?tz=UTC", "/api/v1/nothing")


def test_requests_that_fail_offline_leave_no_unhandled_rejection_in_the_worker(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.evaluate(UNTIL_CONTROLLED)
    (worker,) = context.service_workers
    worker.evaluate(LISTEN)
    context.set_offline(True)
    outcomes = [
        page.evaluate("(url) => fetch(url).then((r) => r.status, () => 'network error')", url)
        for url in NEVER_KEPT
    ]
    # The worker answers a round trip after the last one: any rejection has been reported by then.
    page.evaluate("fetch('/api/v1/nothing-either').catch(() => null)")
    unhandled = worker.evaluate("self.unhandled")
    context.close()
    assert outcomes == ["network error", 503, 503]
    assert unhandled == []
