"""The source articles behind the protocol: each seed file and the title a person sees for it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """One source article: the seed file the protocol cites and its title."""

    file: str
    title: str


# Seed 001's saved copy lost its headline, so it is named by what it is about, marked as such.
SOURCES: tuple[Source, ...] = (
    Source(
        "000_1328cfbbd0bad350.txt",
        "Buns of Steel, Six Pack Abs and Reduce Back Pain . . . Say WHAT?",
    ),
    Source(
        "001_71a735e8c5f17c98.txt",
        "The tight psoas and the booty flex (an untitled rehab blog post)",
    ),
    Source(
        "002_7b070884b3c08bd4.txt",
        "Butt + Back = BFF’s 4 Life; Train them Together to Be Stronger than Ever",
    ),
    Source(
        "003_d93d7517b184030f.txt", "Fixing the World’s Lower Back Pain, One Lazy Ass at a Time"
    ),
    Source(
        "004_326289430c3f208e.txt",
        "Don’t get all Butt-Hurt cuz your Back Hurts; Clean up your Hips!",
    ),
)

SOURCE_TITLES: dict[str, str] = {s.file: s.title for s in SOURCES}
"""A seed file's title, for every file an exercise cites."""
