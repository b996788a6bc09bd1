"""Routines as the API shows them: built-ins from the content, compiled by the timeline module."""

from functools import cache

from app.content import EXERCISE_NAMES, ROUTINES, BuiltinRoutine
from app.domain.timeline import compile_timeline, duration_s
from app.schemas import RoutineDetail, RoutineOut

_BUILTINS: dict[str, BuiltinRoutine] = {r.slug: r for r in ROUTINES}


def builtin_slugs() -> list[str]:
    """The built-in routines' slugs, in the order the app offers them."""
    return list(_BUILTINS)


def is_builtin(slug: str) -> bool:
    """Whether `slug` names a routine that ships with Squeeze."""
    return slug in _BUILTINS


@cache
def builtin_detail(slug: str) -> RoutineDetail | None:
    """A built-in routine with its timeline; they never change within a release, so cached."""
    routine = _BUILTINS.get(slug)
    if routine is None:
        return None
    timeline = compile_timeline(routine.steps, EXERCISE_NAMES)
    return RoutineDetail(
        slug=routine.slug,
        name=routine.name,
        slot=routine.slot,
        phase=routine.phase,
        version=routine.version,
        duration_s=duration_s(timeline),
        builtin=True,
        summary=routine.summary,
        steps=list(routine.steps),
        timeline=timeline,
    )


def builtin_summaries() -> list[RoutineOut]:
    """Every built-in routine without its timeline."""
    out = []
    for slug in _BUILTINS:
        detail = builtin_detail(slug)
        assert detail is not None
        out.append(RoutineOut.model_validate(detail.model_dump(exclude={"timeline"})))
    return out
