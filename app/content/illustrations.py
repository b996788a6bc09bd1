"""The line drawing for each exercise: its file, its static URL and its alt text (our words)."""

from functools import cache
from pathlib import Path

ILLUSTRATION_DIR = Path(__file__).resolve().parent.parent / "static" / "img" / "exercises"
"""Where the drawings live on disk; each is named after its exercise's slug."""

ILLUSTRATION_URL_PREFIX = "/static/img/exercises/"

ALT_TEXT: dict[str, str] = {
    "booty-flex": (
        "A person stands tall with feet together and arms at the sides, "
        "the buttocks marked as squeezed."
    ),
    "kneeling-hip-flexor-glute-stretch": (
        "A person kneels on one knee with the other foot flat in front, hands on the hips, "
        "the glute of the kneeling leg marked and an arrow pushing the hips forward."
    ),
    "prone-hamstring-curl-glute-lock": (
        "A person lies face down on a bench with one knee bent to lift a padded weight "
        "at the ankle, the glutes marked as squeezed."
    ),
    "glute-bridge": (
        "A person lies on the back with knees bent, feet flat and shoulders down, "
        "the hips lifted high and an arrow pointing up above them."
    ),
    "feet-elevated-bridge": (
        "A person lies on the back with both heels up on a box and the hips lifted high, "
        "an arrow pointing up above them."
    ),
    "hip-thrust": (
        "A person rests the upper back on a bench with feet on the floor and hips raised level "
        "with the knees, an arrow pointing up above them."
    ),
    "front-hip-foam-roll": (
        "A person lies face down on the forearms with a foam roller under the front of one hip, "
        "a two-way arrow showing a slow roll back and forth."
    ),
    "hip-flexor-rocks": (
        "A person kneels on one knee with hands on the front knee, "
        "a two-way arrow showing the body rocking forward and back."
    ),
    "wall-march": (
        "A person leans into a wall with straight arms, one knee driven up to hip height "
        "and the back leg long, an arrow showing the knee rising."
    ),
    "lunge-forward-back": (
        "A person stands in a deep lunge with an upright body, "
        "a two-way arrow showing the step forward and the step back."
    ),
    "glute-squeeze-core": (
        "A person holds a forearm plank in one straight line from head to heels, "
        "the buttocks marked as squeezed."
    ),
    "kettlebell-sumo-deadlift": (
        "Seen from the front, a person stands wide with knees bent out and straight arms holding "
        "a kettlebell between the feet, arrows showing the drive up to standing tall."
    ),
}
"""One sentence per exercise describing what its drawing shows, for alt text and the SVG title."""


def illustration_url(slug: str) -> str:
    """The static URL of an exercise's drawing; KeyError for a slug without one."""
    if slug not in ALT_TEXT:
        raise KeyError(slug)
    return f"{ILLUSTRATION_URL_PREFIX}{slug}.svg"


def illustration_path(slug: str) -> Path:
    """The file on disk holding an exercise's drawing; KeyError for a slug without one."""
    if slug not in ALT_TEXT:
        raise KeyError(slug)
    return ILLUSTRATION_DIR / f"{slug}.svg"


@cache
def illustration_markup(slug: str) -> str:
    """An exercise's drawing as SVG markup, ready to inline so it follows the page's colours."""
    return illustration_path(slug).read_text(encoding="utf-8").strip()
