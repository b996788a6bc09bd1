"""The exercise library, with each exercise's dose, phase, cues (our words) and source articles."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Exercise:
    """An exercise as the library describes it."""

    slug: str
    name: str
    summary: str
    cues: tuple[str, ...]
    dose: str
    phase: int
    sources: tuple[str, ...]


_SEED_000 = "000_1328cfbbd0bad350.txt"
_SEED_001 = "001_71a735e8c5f17c98.txt"
_SEED_003 = "003_d93d7517b184030f.txt"
_SEED_004 = "004_326289430c3f208e.txt"

EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        slug="booty-flex",
        name="Booty flex",
        summary="A hard glute squeeze, lying or standing, that switches tight hip flexors down.",
        cues=(
            "Lie on your back or stand tall, whichever you can do right now.",
            "Squeeze both glutes as hard as you can, then a little harder every second.",
            "Standing, stay upright: the hips do not slide forward and the low back does not arch.",
            "Let go completely when the relax cue sounds.",
        ),
        dose="10 rounds: squeeze 7 s, relax 3 s",
        phase=1,
        sources=(_SEED_001,),
    ),
    Exercise(
        slug="kneeling-hip-flexor-glute-stretch",
        name="Glute-driven hip flexor stretch",
        summary="A half-kneeling stretch for the front of the hip, driven by the back glute.",
        cues=(
            "Kneel on one knee with the other foot flat in front of you.",
            "Squeeze the glute on the kneeling side first, and keep it squeezed throughout.",
            "Shift forward only as far as that squeeze lets you; stop where it starts to fade.",
        ),
        dose="30 s hold on each side",
        phase=1,
        sources=(_SEED_001,),
    ),
    Exercise(
        slug="prone-hamstring-curl-glute-lock",
        name="Lying hamstring curl, glutes locked",
        summary="A gym drill for glute stability: curl slowly while the glutes stay switched on.",
        cues=(
            "Pick a light weight and move slowly.",
            "Keep the glutes squeezed for the whole rep.",
            "The hips stay glued to the pad; if they lift, the weight is too heavy.",
        ),
        dose="light weight, slow reps",
        phase=2,
        sources=(_SEED_001,),
    ),
    Exercise(
        slug="glute-bridge",
        name="Hip bridge",
        summary="On your back, knees bent: lift the hips with the glutes, not the low back.",
        cues=(
            "Tilt the pelvis under so the low back flattens to the floor.",
            "Squeeze the glutes, then press through the feet to lift.",
            "Notice where you feel it: in the glutes is right; low back or hamstrings, reset.",
        ),
        dose="reps",
        phase=1,
        sources=(_SEED_003,),
    ),
    Exercise(
        slug="feet-elevated-bridge",
        name="Feet-elevated hip bridge",
        summary="The hip bridge with the feet raised on a step, for a longer range.",
        cues=(
            "Set up as for the bridge, heels on a low step or bench.",
            "Flatten the low back, squeeze, then lift.",
        ),
        dose="reps",
        phase=2,
        sources=(_SEED_003,),
    ),
    Exercise(
        slug="hip-thrust",
        name="Hip thrust",
        summary="Upper back on a bench, drive the hips up; later with a load.",
        cues=(
            "Feet about hip-width apart, shoulder blades on the edge of the bench.",
            "Pivot around the point where the upper back meets the bench.",
            "Keep the spine neutral and simply extend the hips; no band pushing the knees out.",
        ),
        dose="reps; add load later",
        phase=2,
        sources=(_SEED_001, _SEED_003),
    ),
    Exercise(
        slug="front-hip-foam-roll",
        name="Front-of-hip foam roll",
        summary="Ease the tender tissue at the front and side of the hip on a foam roller.",
        cues=(
            "Find a tender spot around the front or side of the hip.",
            "Rest on it, or knead slowly back and forth.",
            "Very sensitive areas can take a few minutes.",
        ),
        dose="30 s on each tender spot; 2–5 min on very sensitive areas",
        phase=2,
        sources=(_SEED_004,),
    ),
    Exercise(
        slug="hip-flexor-rocks",
        name="Hip flexor rocks",
        summary="Half-kneeling, rock gently forward and back to loosen the front of the hip.",
        cues=(
            "Rock forward until just before it feels uncomfortable, then back.",
            "Start each rock from the hips.",
        ),
        dose="2 sets of 10–15 rocks",
        phase=2,
        sources=(_SEED_004,),
    ),
    Exercise(
        slug="wall-march",
        name="Wall march",
        summary="Lean into a wall and drive one knee up while the back leg stays long.",
        cues=(
            "Hands on the wall, body leaning in as one straight line.",
            "Drive the knee up with intent.",
            "The back leg stays fully straight with its glute switched on.",
        ),
        dose="2 sets of 10 reps on each leg",
        phase=2,
        sources=(_SEED_004,),
    ),
    Exercise(
        slug="lunge-forward-back",
        name="Forward-and-back lunge",
        summary="Lunge forward, then step straight back into a reverse lunge on the same leg.",
        cues=(
            "One rep is a lunge forward and one back, on the same leg.",
            "Move the whole body together, steady and upright.",
        ),
        dose="2 sets of 8 reps on each leg",
        phase=2,
        sources=(_SEED_004,),
    ),
    Exercise(
        slug="glute-squeeze-core",
        name="Core work with a glute squeeze",
        summary="Any core exercise, done with the glutes squeezed so the hip flexors stay quiet.",
        cues=(
            "Squeeze the glutes before the first rep.",
            "Hold the squeeze for every rep; if it fades, rest.",
        ),
        dose="as each core exercise prescribes",
        phase=2,
        sources=(_SEED_000,),
    ),
    Exercise(
        slug="kettlebell-sumo-deadlift",
        name="Kettlebell sumo deadlift",
        summary="The hip hinge, loaded, once the back is calm and the glutes are strong.",
        cues=(
            "Stand wide with the kettlebell between your feet, close to you.",
            "Push the hips back, then take hold of the handle.",
            "Lift the chest so the back is long.",
            "Drive the hips forward to stand up.",
            "Finish tall with a full glute squeeze.",
        ),
        dose="reps",
        phase=3,
        sources=(_SEED_003,),
    ),
)

EXERCISE_NAMES: dict[str, str] = {e.slug: e.name for e in EXERCISES}
