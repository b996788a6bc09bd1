"""The phase panel on the home screen: the phase, a suggestion, the avoid list, the order."""

import uuid
from datetime import datetime, timedelta

import httpx
from playwright.sync_api import Browser, expect

from tests.browser.axe import violations
from tests.browser.conftest import PHONE, LiveServer
from tests.browser.test_builder import SAFETY_SEEN, keep_token, sign_up


def test_home_offers_the_phase_first_and_suggests_stepping_back_after_a_flare(
    browser: Browser, live_server: LiveServer
) -> None:
    token = sign_up(live_server, "sore")
    auth = {"Authorization": f"Bearer {token}"}
    api = live_server.url + "/api/v1"
    assert httpx.patch(api + "/account", json={"phase": 2}, headers=auth).status_code == 200
    started = datetime.now().astimezone() - timedelta(minutes=10)
    flare = {
        "routine": "evening",
        "routine_version": 1,
        "started_at": started.isoformat(),
        "finished_at": (started + timedelta(minutes=3)).isoformat(),
        "timezone": "UTC",
        "steps_done": 2,
        "steps_total": 2,
        "pain_before": 5,
        "pain_after": 8,
        "modified_at": (started + timedelta(minutes=3)).isoformat(),
    }
    response = httpx.put(f"{api}/completions/{uuid.uuid4()}", json=flare, headers=auth)
    assert response.status_code == 201, response.text
    thrust = {"exercise": "hip-thrust", "mode": "self_paced", "reps": 10}
    httpx.post(api + "/routines", json={"name": "Thrusts", "steps": [thrust]}, headers=auth)

    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    context.add_init_script(SAFETY_SEEN)
    page = context.new_page()
    page.goto(live_server.url + "/")
    keep_token(page, token)
    page.reload()
    expect(page.get_by_role("heading", name="Phase 2 of 3: Build the glutes")).to_be_visible()
    expect(page.locator("#phase-suggestion")).to_contain_text("reached 8")
    page.get_by_text("Leave out in this phase").click()
    expect(page.locator("#phase-avoid")).to_contain_text("Deadlifts of every kind")
    cards = page.locator("#routines > li:not(.today) a[href^='/play/']")
    expect(cards.first).to_have_attribute("href", "/play/hip-reset")
    expect(page.get_by_role("link", name="Play Thrusts")).to_have_attribute("href", "/play/thrusts")
    assert violations(page) == []
    context.close()
