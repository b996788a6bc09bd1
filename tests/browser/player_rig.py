"""A phone-sized page on the player with Playwright's clock, and what the player shows."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer

# 08:30 in Berlin: a morning on the device's clock.
T0 = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
LEAD_IN_MS = 600  # play.js: silence before the first segment
TICK_MS = 200  # play.js: how often the screen redraws

# Records each call, then lets it through to the browser's own implementation.
OBSERVE = """
window.__cues = { tones: [], spoken: [], buzzed: [] };
const startTone = OscillatorNode.prototype.start;
OscillatorNode.prototype.start = function (when) {
  const ahead_s = when - this.context.currentTime;
  // at: the moment it was aimed for, on the page's (test) clock
  window.__cues.tones.push({ hz: this.frequency.value, ahead_s, at: Date.now() + ahead_s * 1000 });
  return startTone.call(this, when);
};
const speak = speechSynthesis.speak.bind(speechSynthesis);
speechSynthesis.speak = (u) => { window.__cues.spoken.push(u.text); speak(u); };
const vibrate = navigator.vibrate.bind(navigator);
navigator.vibrate = (p) => { window.__cues.buzzed.push(p); return vibrate(p); };
window.__media = {};
const setHandler = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
navigator.mediaSession.setActionHandler = (name, fn) => {
  window.__media[name] = fn;
  setHandler(name, fn);
};
window.__locks = [];
const request = navigator.wakeLock.request.bind(navigator.wakeLock);
navigator.wakeLock.request = async (type) => {
  const lock = await request(type);
  window.__locks.push(lock);
  return lock;
};
"""

READ_COMPLETIONS = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open('squeeze');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction('completions').objectStore('completions').getAll();
    all.onsuccess = () => resolve(all.result);
  };
})"""


@dataclass
class Phone:
    """A page in its own context, its clock paused at `T0 + 10 s` once the page has loaded."""

    context: BrowserContext
    page: Page
    server: LiveServer

    def shows(self, label: str, count: str) -> None:
        expect(self.page.locator("#now")).to_have_text(label)
        expect(self.page.locator("#count")).to_have_text(count)

    def completions(self) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = self.page.evaluate(READ_COMPLETIONS)
        return records

    def violations(self) -> list[str]:
        """axe-core's findings; axe waits on timers, so the page's clock runs again first."""
        self.page.clock.resume()
        found = violations(self.page)
        now_ms = self.page.evaluate("Date.now()")
        self.page.clock.pause_at(datetime.fromtimestamp(now_ms / 1000 + 1, UTC))
        return found

    def close(self) -> None:
        self.context.close()


def open_phone(
    browser: Browser,
    server: LiveServer,
    path: str,
    *,
    scheme: str = "light",
    safety_seen: bool = True,
    at: datetime = T0,
    init_script: str | None = None,
) -> Phone:
    context = browser.new_context(
        viewport=PHONE,  # type: ignore[arg-type]
        color_scheme=scheme,  # type: ignore[arg-type]
        timezone_id="Europe/Berlin",
    )
    if safety_seen:
        context.add_init_script("localStorage.setItem('squeeze.safety-seen', '1')")
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.clock.install(time=at)
    page.goto(server.url + path)
    page.clock.pause_at(at + timedelta(seconds=10))
    return Phone(context, page, server)


def timeline(server: LiveServer, slug: str) -> list[dict[str, Any]]:
    """The segments the server compiles for `slug`, as the player fetches them."""
    segments: list[dict[str, Any]] = httpx.get(f"{server.url}/api/v1/routines/{slug}").json()[
        "timeline"
    ]
    return segments


def start(phone: Phone, pain_before: int | None = None) -> None:
    """Picks the pain score, taps Start, and lets the lead-in pass."""
    page = phone.page
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    if pain_before is not None:
        scale = page.get_by_role("group", name="How much does your back hurt right now?")
        scale.get_by_role("radio", name=str(pain_before), exact=True).check()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(LEAD_IN_MS)


def begins_at(segments: list[dict[str, Any]], index: int) -> int:
    """Milliseconds from the first segment's start to segment `index`'s (timed ones before it)."""
    return sum(s["duration_ms"] or 0 for s in segments[:index])


def cues(phone: Phone) -> dict[str, Any]:
    """What OBSERVE recorded: tones (hz, ahead_s, at), spoken texts, vibration patterns."""
    found: dict[str, Any] = phone.page.evaluate("window.__cues")
    return found
