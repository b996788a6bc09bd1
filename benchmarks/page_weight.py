"""Page weight and start: the home page's first load and first contentful paint, in real Chromium.

Run: `.venv/bin/python -m benchmarks.page_weight [--runs 10]`

First load: what the home page fetched before its `load` event began (Resource Timing), each body
gzipped on its own (the server itself does not compress; a proxy in front would). First contentful
paint (the `paint` entry) three ways, median of `--runs`: a first visit (fresh profile, network), a
repeat visit online (the service worker in control) and offline (the service worker answers alone).
"""

import argparse
import gzip
import statistics
import urllib.request

from playwright.sync_api import Browser, sync_playwright

from benchmarks.harness import Server, scratch_dir
from tests.databases import migrate

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
BEFORE_LOAD = """(() => {
  const load = performance.getEntriesByType('navigation')[0].loadEventStart;
  const entries = performance.getEntriesByType('resource');
  return entries.filter((e) => e.startTime < load).map((e) => e.name);
})()"""
FCP = """new Promise((resolve) => new PerformanceObserver((list, observer) => {
  const fcp = list.getEntriesByName('first-contentful-paint')[0];
  if (fcp) { observer.disconnect(); resolve(fcp.startTime); }
}).observe({ type: 'paint', buffered: true }))"""


def first_load(url: str) -> list[tuple[str, int, int]]:
    """(url, raw bytes, gzipped bytes) of each request before `load`."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_context(viewport=PHONE).new_page()  # type: ignore[arg-type]
        page.goto(url + "/", wait_until="load")
        page.wait_for_function(
            "() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0"
        )
        urls = [url + "/", *page.evaluate(BEFORE_LOAD)]
        browser.close()
    rows = []
    for each in urls:
        body = urllib.request.urlopen(each).read()
        rows.append((each.removeprefix(url), len(body), len(gzip.compress(body))))
    return rows


def paints(browser: Browser, url: str, runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"first visit": [], "repeat, online": [], "offline": []}
    for _ in range(runs):
        context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(url + "/")
        out["first visit"].append(page.evaluate(FCP))
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
        page.reload()
        out["repeat, online"].append(page.evaluate(FCP))
        context.set_offline(True)
        page.reload()
        out["offline"].append(page.evaluate(FCP))
        context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    database_url = f"sqlite:///{scratch_dir() / 'bench.db'}"
    migrate(database_url)
    env = {"DATABASE_URL": database_url, "LOG_LEVEL": "warning"}
    with Server("app.main:create_app", env=env, factory=True) as server:
        rows = first_load(server.url)
        print("| request before `load` | raw | gzipped |\n|---|---|---|")
        for path, raw, packed in rows:
            print(f"| `{path}` | {raw:,} B | {packed:,} B |")
        total = sum(r[2] for r in rows)
        print(f"| **{len(rows)} requests** | {sum(r[1] for r in rows):,} B | **{total:,} B** |\n")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            found = paints(browser, server.url, args.runs)
            browser.close()
    print(f"| first contentful paint (home, {args.runs} runs) | median | min | max |")
    print("|---|---|---|---|")
    for name, values in found.items():
        print(
            f"| {name} | {statistics.median(values):.0f} ms | {min(values):.0f} ms | "
            f"{max(values):.0f} ms |"
        )


if __name__ == "__main__":
    main()
