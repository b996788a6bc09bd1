"""Cue accuracy in real headless Chromium: the morning routine on the real clock, visible or hidden.

Run: `.venv/bin/python -m benchmarks.cue_accuracy [--mode visible|hidden|hidden-silent]`
(about three minutes per mode; modes given together run one after the other).

The player page, opened with `?bench`, logs each cue: its planned moment (the engine's `Date.now`
time) and when it happened on `performance.now()`. Main-thread cues (live region, voice, vibration,
the screen's segment change) log the moment their code ran. Tones log the audio-clock time they were
scheduled at; that time is turned into page time with the audio context's output timestamps sampled
during the run (`getOutputTimestamp`), the one that follows the tone, so a drift between the audio
clock and the page's clock shows up. Chromium is our own subprocess without Playwright's
throttle-off flags, so a tab behind another one is really hidden and throttled
(shared/BROWSER-TESTING.md).
"""

import argparse
import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from benchmarks.harness import CHROMIUM, CHROMIUM_FLAGS, Server, free_port, scratch_dir
from tests.databases import migrate

FLAGS = CHROMIUM_FLAGS
ROUTINE = "morning"  # 172 s
MARGIN_S = 4.0


def own_chromium(port: int, profile: Path) -> subprocess.Popen[bytes]:
    args = [CHROMIUM, *FLAGS, f"--remote-debugging-port={port}", f"--user-data-dir={profile}"]
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def errors_ms(log: dict[str, Any]) -> dict[str, list[tuple[str, float]]]:
    """Each kind's cues as (type, fired − planned) in ms, in the order they were planned."""
    clocks = log["clocks"]
    # Date.now() is whole ms, rounded down: the largest gap over many samples is the true offset.
    offset = max(c["date"] - c["perf"] for c in clocks)
    stamps = [c["audio"] for c in clocks if c["audio"] and c["audio"]["performanceTime"] > 0]
    out: dict[str, list[tuple[str, float]]] = {}
    # A tone aimed before the audio clock settled is aimed again: its last entry is what plays.
    last = {(c["kind"], c["type"], c["scheduled_ms"]): c for c in log["cues"]}
    for cue in sorted(last.values(), key=lambda c: c["scheduled_ms"]):
        planned = cue["scheduled_ms"] - offset
        if cue["kind"] == "tone":
            after = [s for s in stamps if s["contextTime"] >= cue["audio_at"]] or stamps[-1:]
            if not after:
                continue
            s = after[0]
            fired = s["performanceTime"] + (cue["audio_at"] - s["contextTime"]) * 1000
        else:
            fired = cue["fired_perf"]
        out.setdefault(cue["kind"], []).append((cue["type"], fired - planned))
    return out


def play(page: Page, url: str, mode: str, other: Page | None) -> dict[str, Any]:
    page.goto(f"{url}/play/{ROUTINE}?bench")
    page.evaluate("localStorage.setItem('squeeze.safety-seen', '1')")
    tones = "false" if mode == "hidden-silent" else "true"
    page.evaluate(f"localStorage.setItem('squeeze.cues', JSON.stringify({{tones: {tones}}}))")
    page.reload()
    page.get_by_role("button", name="Start").click()
    seconds = page.evaluate(f"fetch('/api/v1/routines/{ROUTINE}').then(r => r.json())")
    total_s = sum(s["duration_ms"] or 0 for s in seconds["timeline"]) / 1000
    if other is not None:
        other.bring_to_front()
    states: set[str] = set()
    deadline = time.monotonic() + total_s + MARGIN_S
    while time.monotonic() < deadline:
        states.add(page.evaluate("document.visibilityState"))
        time.sleep(5)
    if other is not None:
        page.bring_to_front()
    log: dict[str, Any] = page.evaluate("window.__cueLog")
    log["visibility"] = sorted(states)
    log["skipped"] = page.evaluate("Number(document.documentElement.dataset.skippedCues ?? 0)")
    log["routine_s"] = total_s
    return log


def report(mode: str, log: dict[str, Any]) -> None:
    ticks = len(log["clocks"]) / log["routine_s"]
    print(
        f"\n## {mode}: visibility {log['visibility']}, {ticks:.1f} ticks/s, "
        f"{log['skipped']} cues skipped as late"
    )
    print("| cue | n | p50 abs error | p99 abs error | max | end (done cue) |")
    print("|---|---|---|---|---|---|")
    for kind, rows in errors_ms(log).items():
        errs = [abs(e) for _, e in rows]
        done = [e for t, e in rows if t == "done"]
        end = f"{done[-1]:+.1f} ms" if done else "–"
        print(
            f"| {kind} | {len(errs)} | {percentile(errs, 0.5):.1f} ms | "
            f"{percentile(errs, 0.99):.1f} ms | {max(errs):.1f} ms | {end} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--mode",
        nargs="+",
        default=["visible", "hidden"],
        choices=["visible", "hidden", "hidden-silent"],
    )
    parser.add_argument("--json", type=Path, help="also write the raw logs here")
    args = parser.parse_args()
    database_url = f"sqlite:///{scratch_dir() / 'bench.db'}"
    migrate(database_url)
    env = {"DATABASE_URL": database_url, "LOG_LEVEL": "warning"}
    logs: dict[str, Any] = {}
    with Server("app.main:create_app", env=env, factory=True) as server, sync_playwright() as pw:
        for mode in args.mode:
            port = free_port()
            with tempfile.TemporaryDirectory() as profile:
                chromium = own_chromium(port, Path(profile))
                try:
                    browser = _connect(pw, port)
                    context = browser.contexts[0]
                    page = context.new_page()
                    other = context.new_page() if mode != "visible" else None
                    if other is not None:
                        other.goto("about:blank")
                    page.bring_to_front()
                    logs[mode] = play(page, server.url, mode, other)
                    browser.close()
                finally:
                    chromium.terminate()
                    chromium.wait(timeout=10)
            report(mode, logs[mode])
    if args.json:
        args.json.write_text(json.dumps(logs))
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    print(f"\n{version.strip()}")


def _connect(pw: Any, port: int) -> Any:
    deadline = time.monotonic() + 20
    while True:
        try:
            return pw.chromium.connect_over_cdp(f"http://127.0.0.1:{port}", no_defaults=True)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


if __name__ == "__main__":
    main()
