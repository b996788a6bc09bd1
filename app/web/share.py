"""The therapist page: a read-only summary behind the account's revocable share key.

Nothing else of the account is reachable from it: no username, no settings, no links into the
app, and only the notes the person marked to share. The key sits in the path, so the access log
redacts it (`app.core.logs`) and the answer is never cached or indexed.
"""

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from app.core.clock import Now
from app.core.db import ReadSession
from app.domain.streaks import today_in
from app.domain.weeks import first_day, summarise_weeks
from app.domain.zones import in_zone
from app.stores import accounts as account_store
from app.stores import completions as completion_store
from app.web.templating import templates

router = APIRouter()
SHARED_WEEKS = 8
SHARED_NOTES = 50
_PRIVATE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"}


@router.get("/share/{key}", response_class=HTMLResponse)
def share_page(
    request: Request,
    session: ReadSession,
    now: Now,
    key: Annotated[str, Path(min_length=1, max_length=64)],
) -> HTMLResponse:
    """Weekly adherence, pain before and after, the side answers and the shared notes."""
    account = account_store.by_share_key(session, key)
    if account is None or account.id is None:
        return templates.TemplateResponse(
            request, "share.html", {"found": False}, status_code=404, headers=_PRIVATE
        )
    today = today_in(now, account.timezone)
    since = first_day(today, SHARED_WEEKS)
    summary = summarise_weeks(
        completion_store.runs_for_weeks(session, account.id, since),
        daily_goal=account.daily_goal,
        today=today,
        weeks=SHARED_WEEKS,
    )
    notes = [
        {"when": in_zone(run.started_at, run.timezone), "text": run.notes}
        for run in completion_store.shared_notes(session, account.id, since, SHARED_NOTES)
    ]
    context = {
        "found": True,
        "weeks": list(reversed(summary.weeks)),
        "today": today,
        "daily_goal": account.daily_goal,
        "notes": notes,
        "any_side": any(
            w.weaker_side.left + w.weaker_side.right + w.weaker_side.same for w in summary.weeks
        ),
    }
    return templates.TemplateResponse(request, "share.html", context, headers=_PRIVATE)
