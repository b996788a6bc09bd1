"""Routines as the API shows them: built-ins from the content and a person's own from the database.

Every timeline comes from the timeline module, for built-ins and own routines alike.
"""

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.content import EXERCISE_NAMES, ROUTINES, BuiltinRoutine
from app.core.clock import now
from app.domain.routine_draft import RESERVED_SLUGS, RoutineDraft, routine_phase, slugify
from app.domain.steps import Step
from app.domain.timeline import compile_timeline, duration_s
from app.models import CustomRoutine, RoutineVersion
from app.schemas.routines import RoutineDetail, RoutineOut

_BUILTINS: dict[str, BuiltinRoutine] = {r.slug: r for r in ROUTINES}


class SlugTaken(Exception):
    """The slug names a built-in, a reserved word, or another of the account's routines."""


class NoSlug(Exception):
    """No slug was given and the name has no letters or digits to make one from."""


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
    return _detail(
        routine.slug,
        routine.name,
        routine.slot,
        routine.version,
        routine.steps,
        builtin=True,
        summary=routine.summary,
        phase=routine.phase,
    )


def builtin_summaries() -> list[RoutineOut]:
    """Every built-in routine without its timeline."""
    return [_summary(d) for d in map(builtin_detail, _BUILTINS) if d is not None]


def own_summaries(session: Session, account_id: int) -> list[RoutineOut]:
    """The account's own routines (current versions), oldest first."""
    rows = session.exec(
        select(CustomRoutine)
        .where(CustomRoutine.account_id == account_id, col(CustomRoutine.deleted).is_(False))
        .order_by(col(CustomRoutine.created_at), col(CustomRoutine.id))
    ).all()
    return [_summary(_own_detail(row, row.version, row.name, row.steps)) for row in rows]


def find_routine(
    session: Session, account_id: int | None, slug: str, version: int | None = None
) -> RoutineDetail | None:
    """A built-in or one of the account's routines, at `version` (default: the current one)."""
    builtin = builtin_detail(slug)
    if builtin is not None:
        return builtin if version in (None, builtin.version) else None
    if account_id is None:
        return None
    # A deleted routine is gone from the list, but its versions still replay old completions.
    row = _own_row(session, account_id, slug, deleted_too=version is not None)
    if row is None:
        return None
    if version == row.version or (version is None and not row.deleted):
        return _own_detail(row, row.version, row.name, row.steps)
    old = session.exec(
        select(RoutineVersion).where(
            RoutineVersion.routine_id == row.id, RoutineVersion.version == version
        )
    ).first()
    return None if old is None else _own_detail(row, old.version, old.name, old.steps)


def preview(draft: RoutineDraft) -> RoutineDetail:
    """What `draft` would be once saved, timeline included, without saving it."""
    slug = draft.slug or slugify(draft.name) or "preview"
    return _detail(slug, draft.name, draft.slot, 1, draft.steps, builtin=False)


def create_routine(session: Session, account_id: int, draft: RoutineDraft) -> RoutineDetail:
    """Save `draft` as a new routine of the account; a deleted one's slug is reused, versions on."""
    slug = draft.slug or slugify(draft.name)
    if not slug:
        raise NoSlug
    if slug in _BUILTINS or slug in RESERVED_SLUGS:
        raise SlugTaken(slug)
    row = _own_row(session, account_id, slug, lock=True, deleted_too=True)
    if row is not None and not row.deleted:
        raise SlugTaken(slug)
    if row is None:
        row = CustomRoutine(account_id=account_id, slug=slug, name=draft.name, steps=[], version=0)
    row.deleted = False
    return _save_version(session, row, draft)


def update_routine(
    session: Session, account_id: int, slug: str, draft: RoutineDraft
) -> RoutineDetail | None:
    """Save `draft` as the routine's next version (unchanged content keeps the version)."""
    row = _own_row(session, account_id, slug, lock=True)
    if row is None:
        return None
    if draft.name == row.name and draft.slot == row.slot and _stored(draft.steps) == row.steps:
        return _own_detail(row, row.version, row.name, row.steps)
    return _save_version(session, row, draft)


def delete_routine(session: Session, account_id: int, slug: str) -> bool:
    """Remove the routine from the account's list; its versions stay for old completions."""
    row = _own_row(session, account_id, slug, lock=True)
    if row is None:
        return False
    row.deleted = True
    row.updated_at = now()
    session.add(row)
    session.commit()
    return True


def _save_version(session: Session, row: CustomRoutine, draft: RoutineDraft) -> RoutineDetail:
    steps = _stored(draft.steps)
    row.version += 1
    row.name, row.slot, row.steps = draft.name, draft.slot, steps
    row.phase = routine_phase(draft.steps)
    row.updated_at = now()
    session.add(row)
    try:
        session.flush()
        assert row.id is not None
        session.add(
            RoutineVersion(routine_id=row.id, version=row.version, name=row.name, steps=steps)
        )
        # What this request saved, taken before the commit: a save right after it may already
        # have bumped the row again by the time it is read back.
        saved = _own_detail(row, row.version, row.name, steps)
        session.commit()
    except IntegrityError as exc:
        # Another request saved the same slug or version first.
        session.rollback()
        raise SlugTaken(row.slug) from exc
    return saved


def _own_row(
    session: Session, account_id: int, slug: str, *, lock: bool = False, deleted_too: bool = False
) -> CustomRoutine | None:
    query = select(CustomRoutine).where(
        CustomRoutine.account_id == account_id, CustomRoutine.slug == slug
    )
    if not deleted_too:
        query = query.where(col(CustomRoutine.deleted).is_(False))
    return session.exec(query.with_for_update() if lock else query).first()


def _stored(steps: Sequence[Step]) -> list[dict[str, Any]]:
    return [step.model_dump(mode="json", exclude_none=True) for step in steps]


def _own_detail(
    row: CustomRoutine, version: int, name: str, steps: list[dict[str, Any]]
) -> RoutineDetail:
    parsed = [Step.model_validate(step) for step in steps]
    return _detail(row.slug, name, row.slot, version, parsed, builtin=False)


def _detail(
    slug: str,
    name: str,
    slot: str,
    version: int,
    steps: Sequence[Step],
    *,
    builtin: bool,
    summary: str = "",
    phase: int | None = None,
) -> RoutineDetail:
    timeline = compile_timeline(steps, EXERCISE_NAMES)
    return RoutineDetail(
        slug=slug,
        name=name,
        slot=slot,
        phase=phase if phase is not None else routine_phase(list(steps)),
        version=version,
        duration_s=duration_s(timeline),
        builtin=builtin,
        summary=summary,
        steps=list(steps),
        timeline=timeline,
    )


def _summary(detail: RoutineDetail) -> RoutineOut:
    return RoutineOut.model_validate(detail.model_dump(exclude={"timeline"}))
