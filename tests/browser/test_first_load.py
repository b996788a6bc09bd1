"""The home page's first visit in real Chromium: at most 6 requests, 30 KB gzipped until `load`."""

import gzip

from playwright.sync_api import Browser, Request

from tests.browser.conftest import PHONE, LiveServer

MAX_REQUESTS = 6
MAX_GZIPPED_BYTES = 30 * 1024
BEFORE_LOAD = """(() => {
  const load = performance.getEntriesByType('navigation')[0].loadEventStart;
  const entries = performance.getEntriesByType('resource');
  return entries.filter((e) => e.startTime < load).map((e) => e.name);
})()"""


def test_the_first_visit_to_home_is_small(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    page.goto(live_server.url + "/", wait_until="load")
    page.wait_for_function("() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
    # What the page asked for before its load event began; the load handler's imports come after.
    fetched = set(page.evaluate(BEFORE_LOAD))
    before_load = [r for r in requests if r.url in fetched or r.is_navigation_request()]
    sizes: dict[str, tuple[int, int]] = {}
    for request in before_load:
        response = request.response()
        assert response is not None, request.url
        assert response.ok, request.url
        body = response.body()
        sizes[request.url.removeprefix(live_server.url)] = (len(body), len(gzip.compress(body)))
    context.close()

    for url, (raw, packed) in sizes.items():
        print(f"{packed:>7,} B gzipped ({raw:>7,} B raw)  {url}")
    total = sum(packed for _, packed in sizes.values())
    print(f"first load: {len(sizes)} requests, {total:,} B gzipped")
    assert "/" in sizes  # it did load the page and its style
    assert "/static/css/app.css" in sizes
    assert len(before_load) <= MAX_REQUESTS, list(sizes)
    assert total <= MAX_GZIPPED_BYTES
