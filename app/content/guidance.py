"""Why the protocol works, its phases, what to avoid in each, and the safety notice (our words)."""

from dataclasses import dataclass

WHY = (
    "Hours of sitting leave the muscles at the front of the hip (the psoas and its neighbours) "
    "short and tight, and a tight psoas tugs the lower spine into an arch. The glutes pull the "
    "other way, but after years in a chair they are usually too weak to win. A hard glute squeeze "
    "tells the hip flexors to let go, so Squeeze works in that order: settle the tight front of "
    "the hip, wake the glutes, make them strong, and only then load the hip hinge."
)

SAFETY = (
    "Squeeze is not medical advice and does not replace an examination.",
    "Have a physiotherapist or athletic therapist rule out a structural problem before you start.",
    "Stop any exercise that makes your pain worse.",
    "See a professional if pain spreads down a leg, if you feel numbness or weakness, "
    "or if the pain does not get better.",
)


@dataclass(frozen=True)
class Phase:
    """A stage of the progression."""

    number: int
    name: str
    goal: str


@dataclass(frozen=True)
class Avoid:
    """Something to leave out until a phase, and why."""

    what: str
    until_phase: int
    why: str


PHASES: tuple[Phase, ...] = (
    Phase(1, "Calm the back", "Morning and evening routines, the flare-up rescue, hip bridges."),
    Phase(2, "Build the glutes", "Hip reset, bridge builder, hip thrusts, glute-locked curls."),
    Phase(3, "Hinge", "The kettlebell sumo deadlift, learned step by step."),
)

_HINGE_WHY = (
    "Hinging makes the psoas work, as the mover or as the brace, which can set off a flare."
)

AVOID: tuple[Avoid, ...] = (
    Avoid("Leg press", 3, _HINGE_WHY),
    Avoid(
        "Deadlifts of every kind: conventional, stiff-leg, Romanian",
        3,
        _HINGE_WHY + " One of our sources recommends deadlifts once structural problems are ruled "
        "out, another says to wait: Squeeze keeps them for phase 3, when the back is calm and the "
        "glutes are strong.",
    ),
    Avoid(
        "Leaning forward on the seated hamstring curl or the leg extension",
        3,
        "Leaning forward turns a knee exercise into a hip flexor one.",
    ),
    Avoid(
        "Squats with flat heels",
        3,
        "If you squat, raise your heels on a small plate so the hips hinge less.",
    ),
)


@dataclass(frozen=True)
class CueHelp:
    """One kind of cue the player gives, and what it tells you."""

    name: str
    what: str


CUE_HELP: tuple[CueHelp, ...] = (
    CueHelp(
        "Tones",
        "One bright tone says go: a hold or a set begins. Two falling notes say let go and rest; "
        "three quick notes say change sides; a rising three-note tune says the routine is done.",
    ),
    CueHelp(
        "Pips",
        "Three short pips count down the last three seconds of any hold or rest of ten seconds or "
        "more, so you are never caught by the end of it.",
    ),
    CueHelp(
        "Beats",
        "On reps at a set pace, every rep is a beat, and the count is spoken (or shown big on "
        "screen with a buzz when the voice is off). Slower or faster changes the pace, and this "
        "device remembers your choice for that exercise.",
    ),
    CueHelp(
        "Voice",
        "The phone names each step as it begins, the side you are on, and during a rest or a side "
        "change what comes next.",
    ),
    CueHelp(
        "Buzz",
        "On phones that can vibrate, a short buzz marks each count and a longer one the start of "
        "work, for when the sound is off or you are in a quiet room.",
    ),
    CueHelp(
        "Done",
        "Reps at your own pace wait for you: tap Done (or press Enter, or the next-track button on "
        "a headset) when the set is finished.",
    ),
)
"""How the player guides you, for the help page; each can be switched off in the player."""
