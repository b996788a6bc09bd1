"""Routines and exercises as the API shows them: summaries, timelines, the bridge ladder."""

from pydantic import BaseModel, ConfigDict, Field, computed_field

from app.content import EXERCISE_NAMES
from app.content.routines import BRIDGE_PROGRESSION
from app.domain.phases import progression_level
from app.domain.steps import Step
from app.domain.timeline import MAX_EXTRA_ROUNDS, MoreRounds, Segment, compile_more_rounds


class ArticleOut(BaseModel):
    """A source article: the seed file the protocol cites and the title people see."""

    file: str
    title: str


class ExerciseOut(BaseModel):
    """An exercise of the library: how to do it, its drawing and the step the builder adds."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "slug": "booty-flex",
                    "name": "Booty flex",
                    "summary": "A hard glute squeeze that switches tight hip flexors down.",
                    "cues": [
                        "Lie on your back or stand tall.",
                        "Squeeze both glutes as hard as you can.",
                        "Standing, stay upright.",
                    ],
                    "dose": "10 rounds: squeeze 7 s, relax 3 s",
                    "phase": 1,
                    "sources": ["001_71a735e8c5f17c98.txt"],
                    "articles": [
                        {"file": "001_71a735e8c5f17c98.txt", "title": "The tight psoas ..."}
                    ],
                    "avoid": "Pushing the hips forward as you squeeze standing.",
                    "illustration": "/static/img/exercises/booty-flex.svg",
                    "alt": "A person stands tall, the buttocks marked as squeezed.",
                    "default_step": {
                        "exercise": "booty-flex",
                        "mode": "timed",
                        "work_s": 7,
                        "rest_s": 3,
                        "rounds": 10,
                        "prepare_s": 5,
                    },
                    "learn_steps": [],
                }
            ]
        }
    )

    slug: str
    name: str
    summary: str
    cues: list[str] = Field(min_length=3, max_length=3, description="The three key cues.")
    dose: str
    phase: int = Field(ge=1, le=3)
    sources: list[str] = Field(description="The seed files behind it (see `articles`).")
    articles: list[ArticleOut] = Field(description="The same sources, each with its title.")
    avoid: str = Field(description="The mistake that undoes it.")
    illustration: str = Field(description="The URL of its line drawing (SVG, currentColor).")
    alt: str = Field(description="What the drawing shows, in one sentence.")
    default_step: Step = Field(description="Its protocol dose as a step: what the builder adds.")
    learn_steps: list[str] = Field(
        default_factory=list, description="A lift learned one step at a time: the steps in order."
    )


class RoutineOut(BaseModel):
    """A routine without its timeline."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "slug": "flare-up",
                    "name": "Flare-up rescue",
                    "slot": "any",
                    "phase": 1,
                    "version": 1,
                    "duration_s": 30,
                    "builtin": True,
                    "summary": "Felt a tweak? Squeeze right away.",
                    "steps": [
                        {
                            "exercise": "booty-flex",
                            "mode": "timed",
                            "work_s": 7,
                            "rest_s": 3,
                            "rounds": 3,
                            "prepare_s": 3,
                        }
                    ],
                }
            ]
        }
    )

    slug: str
    name: str
    slot: str
    phase: int
    version: int
    duration_s: int
    builtin: bool
    summary: str = ""
    steps: list[Step]


class RoutineDetail(RoutineOut):
    """A routine with the timeline compiled from its steps."""

    timeline: list[Segment]

    @computed_field(  # type: ignore[prop-decorator]
        description=f'What "+1 round" plays: each timed step of rounds with rests, compiled '
        f"with 1 to {MAX_EXTRA_ROUNDS} more rounds; the player swaps in the next one."
    )
    @property
    def more_rounds(self) -> list[MoreRounds]:
        """Compiled from the steps, like the timeline, so the two always agree."""
        return compile_more_rounds(self.steps, EXERCISE_NAMES)


class ExerciseRef(BaseModel):
    """An exercise by slug and name."""

    slug: str
    name: str


class LevelOut(BaseModel):
    """Where the routine stands on the bridge → feet-elevated bridge → hip thrust ladder."""

    level: int
    of: int
    current: ExerciseRef
    next: ExerciseRef | None


class RoutineView(RoutineDetail):
    """A routine with its timeline and, when it uses a bridge, its level on the ladder."""

    progression: LevelOut | None = None


def progression_out(routine: RoutineOut) -> LevelOut | None:
    """Where `routine` stands on the bridge → feet-elevated bridge → hip thrust ladder."""
    level = progression_level((s.exercise for s in routine.steps), BRIDGE_PROGRESSION)
    if level is None:
        return None
    return LevelOut(
        level=level.level,
        of=level.of,
        current=_ref(level.current),
        next=_ref(level.next) if level.next else None,
    )


def _ref(slug: str) -> ExerciseRef:
    return ExerciseRef(slug=slug, name=EXERCISE_NAMES[slug])
