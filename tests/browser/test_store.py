"""The device store (store.js) on Chromium's real IndexedDB, as sync and history use it."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import LiveServer

RECORD = {
    "id": "9b2c0d3e-0000-4000-8000-000000000001",
    "routine": "morning",
    "routine_version": 1,
    "started_at": "2026-11-22T07:02:11+01:00",
    "finished_at": "2026-11-22T07:06:40+01:00",
    "timezone": "Europe/Berlin",
    "steps_done": 2,
    "steps_total": 2,
    "pain_before": 4,
    "pain_after": 2,
    "notes": "",
    "deleted": False,
}


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server.url + "/")
    yield page
    context.close()


def _run(page: Page, body: str, arg: Any = None) -> Any:
    """Runs `body` (an async function body with `s` the store module and `arg`) in the page."""
    return page.evaluate(
        f"async (arg) => {{ const s = await import('/static/js/device/store.js'); {body} }}", arg
    )


def test_a_saved_completion_is_dirty_stamped_and_announced(page: Page) -> None:
    saved = _run(
        page,
        """const heard = new Promise((r) =>
          addEventListener('squeeze:completion-saved', (e) => r(e.detail)));
        await s.putCompletion(arg);
        return { heard: await heard, stored: await s.getCompletion(arg.id),
                 dirty: await s.dirtyCompletions() };""",
        RECORD,
    )
    assert saved["stored"]["dirty"] == 1
    assert saved["stored"]["modified_at"][-6] in "+-"
    assert saved["heard"] == saved["stored"]
    assert [r["id"] for r in saved["dirty"]] == [RECORD["id"]]


def test_mark_clean_skips_a_record_changed_since_it_was_sent(page: Page) -> None:
    result = _run(
        page,
        """const sent = await s.putCompletion(arg);
        const changed = { ...arg, notes: 'changed while sending', modified_at: 'later' };
        await s.putCompletion(changed, { touch: false });
        await s.markClean([{ id: arg.id, modified_at: sent.modified_at }]);
        const stillDirty = (await s.getCompletion(arg.id)).dirty;
        await s.markClean([arg.id]);
        const dirtyNow = (await s.getCompletion(arg.id)).dirty;
        return [stillDirty, dirtyNow, (await s.dirtyCompletions()).length];""",
        RECORD,
    )
    assert result == [1, 0, 0]


def test_server_records_never_overwrite_a_dirty_local_one(page: Page) -> None:
    other = {**RECORD, "id": "9b2c0d3e-0000-4000-8000-000000000002", "seq": 7}
    result = _run(
        page,
        """await s.putCompletion({ ...arg.mine, notes: 'mine' });
        await s.storeFromServer([{ ...arg.mine, notes: 'theirs' }, arg.other]);
        const mine = await s.getCompletion(arg.mine.id);
        const other = await s.getCompletion(arg.other.id);
        return [mine.notes, other, (await s.allCompletions()).length];""",
        {"mine": RECORD, "other": other},
    )
    assert result == ["mine", {**other, "dirty": 0}, 2]


def test_meta_keeps_small_values(page: Page) -> None:
    result = _run(
        page,
        """await s.setMeta('cursor', 'abc');
        await s.setMeta('draft', { pain: 3 });
        const m = (key) => s.getMeta(key);
        return [await m('cursor'), await m('draft'), await m('missing')];""",
    )
    assert result == ["abc", {"pain": 3}, None]
