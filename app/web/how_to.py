"""What a page needs to show how an exercise is done: its drawing inline, its cues, its sources."""

from dataclasses import dataclass

from markupsafe import Markup

from app.content import EXERCISES_BY_SLUG, PHASES, Exercise
from app.content.illustrations import ALT_TEXT, illustration_markup, illustration_url
from app.content.sources import SOURCE_TITLES

_PHASE_NAMES = {p.number: p.name for p in PHASES}


@dataclass(frozen=True)
class HowTo:
    """An exercise with its drawing, its phase's name and its sources' titles."""

    exercise: Exercise
    drawing: Markup  # inline SVG: its strokes take the page's colours, light or dark
    drawing_url: str
    alt: str
    phase_name: str
    source_titles: tuple[str, ...]


def how_to(slug: str) -> HowTo | None:
    """The how-to of the exercise `slug`, or None when the library has no such exercise."""
    exercise = EXERCISES_BY_SLUG.get(slug)
    if exercise is None:
        return None
    return HowTo(
        exercise=exercise,
        # Safe as it stands: our own files, checked by tests/test_illustrations.py (no scripts,
        # no styles, no links).
        drawing=Markup(illustration_markup(slug)),  # noqa: S704
        drawing_url=illustration_url(slug),
        alt=ALT_TEXT[slug],
        phase_name=_PHASE_NAMES[exercise.phase],
        source_titles=tuple(SOURCE_TITLES[f] for f in exercise.sources),
    )
