"""The phase you are in: what it offers first, what it avoids and why, and a suggestion."""

from datetime import timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict

from app.api.deps import OptionalAccount
from app.content import EXERCISES, PHASES
from app.core.clock import Now
from app.core.db import ReadSession
from app.domain.phases import avoid_notes, offered_first, suggest
from app.domain.zones import local_date
from app.schemas.common import PROBLEM_RESPONSES
from app.stores.completions import runs_for_phase
from app.stores.routines import builtin_summaries, own_summaries

router = APIRouter(tags=["phases"], responses=PROBLEM_RESPONSES)
# Ten counted days can stretch over weeks of patchy use; older runs no longer say much.
_HISTORY_DAYS = 90


class PhaseInfo(BaseModel):
    """One stage of the progression."""

    number: int
    name: str
    goal: str


class OfferOut(BaseModel):
    """A routine or exercise in the order the phase offers it; `open` once its phase is reached."""

    slug: str
    name: str
    phase: int
    open: bool


class AvoidOut(BaseModel):
    """Something to leave out until `until_phase`, with the reason; `applies` in this phase."""

    what: str
    until_phase: int
    why: str
    applies: bool


class SuggestionOut(BaseModel):
    """A proposal to change phase; nothing changes until you do it in your account."""

    kind: Literal["move_up", "step_back"]
    to_phase: int
    reason: str


class PhaseOut(BaseModel):
    """The phase, its offers in order, the avoid list and, when signed in, a suggestion."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "phase": {"number": 2, "name": "Build the glutes", "goal": "Hip reset, ..."},
                    "phases": [{"number": 1, "name": "Calm the back", "goal": "Morning, ..."}],
                    "routines": [
                        {"slug": "hip-reset", "name": "Hip reset", "phase": 2, "open": True}
                    ],
                    "exercises": [
                        {"slug": "hip-thrust", "name": "Hip thrust", "phase": 2, "open": True}
                    ],
                    "avoid": [
                        {
                            "what": "Leg press",
                            "until_phase": 3,
                            "why": "Hinging makes the psoas work ...",
                            "applies": True,
                        }
                    ],
                    "suggestion": {
                        "kind": "step_back",
                        "to_phase": 1,
                        "reason": "Your pain after a routine reached 8 on 2026-11-23. ...",
                    },
                }
            ]
        }
    )

    phase: PhaseInfo
    phases: list[PhaseInfo]
    routines: list[OfferOut]
    exercises: list[OfferOut]
    avoid: list[AvoidOut]
    suggestion: SuggestionOut | None


@router.get("/phase", summary="Your phase, what it offers first and what it avoids")
def get_phase(
    session: ReadSession,
    account: OptionalAccount,
    now: Now,
    phase: Annotated[int | None, Query(ge=1, le=3, description="Look at another phase.")] = None,
) -> PhaseOut:
    """Signed in: your account's phase and, from your recent runs, a suggestion to move up or
    step back (change phase with `PATCH /api/v1/account`). Otherwise phase 1, or `phase`."""
    own_phase = account.phase if account else 1
    shown = phase or own_phase
    routines = builtin_summaries()
    suggestion = None
    if account is not None:
        assert account.id is not None
        routines += own_summaries(session, account.id)
        today = local_date(now, account.timezone)
        since = today - timedelta(days=_HISTORY_DAYS)
        found = suggest(own_phase, runs_for_phase(session, account.id, since), today)
        if found is not None:
            suggestion = SuggestionOut(
                kind=found.kind, to_phase=found.to_phase, reason=found.reason
            )
    routine_names = {r.slug: r.name for r in routines}
    exercise_names = {e.slug: e.name for e in EXERCISES}
    return PhaseOut(
        phase=_info(shown),
        phases=[_info(p.number) for p in PHASES],
        routines=[
            OfferOut(slug=o.slug, name=routine_names[o.slug], phase=o.phase, open=o.open)
            for o in offered_first(shown, [(r.slug, r.phase) for r in routines])
        ],
        exercises=[
            OfferOut(slug=o.slug, name=exercise_names[o.slug], phase=o.phase, open=o.open)
            for o in offered_first(shown, [(e.slug, e.phase) for e in EXERCISES])
        ],
        avoid=[AvoidOut(**vars(note)) for note in avoid_notes(shown)],
        suggestion=suggestion,
    )


def _info(number: int) -> PhaseInfo:
    found = next(p for p in PHASES if p.number == number)
    return PhaseInfo(number=found.number, name=found.name, goal=found.goal)
