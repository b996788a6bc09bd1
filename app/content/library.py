"""The exercise library: each exercise's dose, phase, three key cues and what to avoid (our words),
the step the builder starts it with, and the source articles behind it."""

from dataclasses import dataclass

from app.domain.steps import Step


@dataclass(frozen=True)
class Exercise:
    """An exercise as the library describes it."""

    slug: str
    name: str
    summary: str
    cues: tuple[str, str, str]  # the three key cues, shown with its drawing
    dose: str
    phase: int
    sources: tuple[str, ...]  # seed file names; sources.SOURCE_TITLES names them for people
    avoid: str  # the mistake that undoes it
    default_step: Step  # its protocol dose as a routine step: what the builder adds
    learn_steps: tuple[str, ...] = ()  # a lift learned one step at a time, in order


_SEED_000 = "000_1328cfbbd0bad350.txt"
_SEED_001 = "001_71a735e8c5f17c98.txt"
_SEED_003 = "003_d93d7517b184030f.txt"
_SEED_004 = "004_326289430c3f208e.txt"


def _self_paced(slug: str, reps: int = 10, sets: int = 3) -> Step:
    # Strength work without a protocol cadence: the person taps when a set is done.
    return Step(exercise=slug, mode="self_paced", reps=reps, sets=sets, set_rest_s=45, prepare_s=5)


def _paced(slug: str, reps: int, cadence_s: int) -> Step:
    # Seed 004's drills: two sets on each leg, half a minute between sets.
    return Step(
        exercise=slug,
        mode="paced",
        reps=reps,
        cadence_s=cadence_s,
        sets=2,
        sides="both",
        set_rest_s=30,
        prepare_s=5,
    )


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        slug="booty-flex",
        name="Booty flex",
        summary="A hard glute squeeze, lying or standing, that switches tight hip flexors down.",
        cues=(
            "Lie on your back or stand tall, whichever suits the moment.",
            "Squeeze both glutes as hard as you can, and a little harder every second.",
            "Standing, stay upright: the hips do not slide forward and the low back does not arch.",
        ),
        dose="10 rounds: squeeze 7 s, relax 3 s",
        phase=1,
        sources=(_SEED_001,),
        avoid="Pushing the hips forward as you squeeze standing: that arches the low back.",
        default_step=Step(
            exercise="booty-flex", mode="timed", work_s=7, rest_s=3, rounds=10, prepare_s=5
        ),
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
        avoid="Letting the squeeze go and sinking forward: then the low back takes the stretch.",
        default_step=Step(
            exercise="kneeling-hip-flexor-glute-stretch",
            mode="timed",
            work_s=30,
            sides="both",
            prepare_s=5,
        ),
    ),
    Exercise(
        slug="prone-hamstring-curl-glute-lock",
        name="Lying hamstring curl, glutes locked",
        summary="A gym drill for glute stability: curl slowly while the glutes stay switched on.",
        cues=(
            "Pick a light weight and move slowly.",
            "Keep the glutes squeezed for the whole rep.",
            "The hips stay down on the pad; if they lift, the weight is too heavy.",
        ),
        dose="light weight, slow reps",
        phase=2,
        sources=(_SEED_001,),
        avoid="A weight heavy enough to lift the hips off the pad, or rushing the reps.",
        default_step=_self_paced("prone-hamstring-curl-glute-lock"),
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
        avoid="Lifting by arching the low back; if you feel it there, lower and start again.",
        default_step=_self_paced("glute-bridge"),
    ),
    Exercise(
        slug="feet-elevated-bridge",
        name="Feet-elevated hip bridge",
        summary="The hip bridge with the feet raised on a step, for a longer range.",
        cues=(
            "Lie as for the hip bridge, heels up on a low step or bench.",
            "Flatten the low back and squeeze the glutes before you move.",
            "Press through the heels and lift: the raised feet give the glutes more to do.",
        ),
        dose="reps",
        phase=2,
        sources=(_SEED_003,),
        avoid="Chasing height with the low back; the lift ends where the squeeze ends.",
        default_step=_self_paced("feet-elevated-bridge"),
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
        avoid="Arching at the top, or pressing the knees out against a band: only the hips move.",
        default_step=_self_paced("hip-thrust"),
    ),
    Exercise(
        slug="front-hip-foam-roll",
        name="Front-of-hip foam roll",
        summary="Ease the tender tissue at the front and side of the hip on a foam roller.",
        cues=(
            "Find a tender spot around the front or side of the hip.",
            "Rest on it, or knead slowly back and forth.",
            "Give each spot about half a minute; a very sensitive one can take a few minutes.",
        ),
        dose="30 s on each tender spot; 2–5 min on very sensitive areas",
        phase=2,
        sources=(_SEED_004,),
        avoid="Rolling fast over a sore spot: stay on it or move slowly.",
        default_step=Step(
            exercise="front-hip-foam-roll",
            mode="timed",
            work_s=30,
            rest_s=5,
            rounds=4,
            prepare_s=10,
        ),
    ),
    Exercise(
        slug="hip-flexor-rocks",
        name="Hip flexor rocks",
        summary="Half-kneeling, rock gently forward and back to loosen the front of the hip.",
        cues=(
            "Kneel on one knee, the other foot flat in front of you.",
            "Start each rock from the hips, then ease back.",
            "Rock forward until just before it feels uncomfortable.",
        ),
        dose="2 sets of 10–15 rocks",
        phase=2,
        sources=(_SEED_004,),
        avoid="Pushing into discomfort, or swaying the low back instead of moving the hips.",
        default_step=_paced("hip-flexor-rocks", reps=12, cadence_s=2),
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
        avoid="Letting the back leg bend or its glute switch off as the knee comes up.",
        default_step=_paced("wall-march", reps=10, cadence_s=2),
    ),
    Exercise(
        slug="lunge-forward-back",
        name="Forward-and-back lunge",
        summary="Lunge forward, then step straight back into a reverse lunge on the same leg.",
        cues=(
            "One rep is a lunge forward and one back, on the same leg.",
            "Move the whole body together, steady and upright.",
            "Finish every rep on one leg before you change to the other.",
        ),
        dose="2 sets of 8 reps on each leg",
        phase=2,
        sources=(_SEED_004,),
        avoid="Reaching with the legs while the body hangs back: travel as one piece.",
        default_step=_paced("lunge-forward-back", reps=8, cadence_s=4),
    ),
    Exercise(
        slug="glute-squeeze-core",
        name="Core work with a glute squeeze",
        summary="Any core exercise, done with the glutes squeezed so the hip flexors stay quiet.",
        cues=(
            "Choose a core exercise, such as a plank or a crunch.",
            "Squeeze the glutes before the first rep and hold the squeeze for every one.",
            "If the squeeze fades, rest: without it the hip flexors take over.",
        ),
        dose="as each core exercise prescribes",
        phase=2,
        sources=(_SEED_000,),
        avoid="Reps with the glutes relaxed: the hip flexors then pull on the low back.",
        default_step=_self_paced("glute-squeeze-core"),
    ),
    Exercise(
        slug="kettlebell-sumo-deadlift",
        name="Kettlebell sumo deadlift",
        summary="The hip hinge, loaded, once the back is calm and the glutes are strong.",
        cues=(
            "Keep the kettlebell close, right between your feet.",
            "Hinge by pulling the hips back, chest tall and back long.",
            "Stand up by driving the hips forward; finish with a full glute squeeze.",
        ),
        dose="reps, once the six steps feel natural",
        phase=3,
        sources=(_SEED_003,),
        avoid="Reaching down with the shoulders for the bell, or stopping short of standing tall.",
        default_step=_self_paced("kettlebell-sumo-deadlift", reps=5),
        learn_steps=(
            "Set up close: stand wide with the kettlebell between your feet, under your hips.",
            "Pull the hips back, as if to touch a wall behind you, keeping the back long.",
            "Grab the handle; if you cannot reach it without rounding, raise the bell on a block.",
            "Pull the chest tall, so the whole back is braced and ready.",
            "Drive the hips forward towards the bell to stand up.",
            "Finish the lift: stand fully tall with a hard glute squeeze at the top.",
        ),
    ),
)

EXERCISE_NAMES: dict[str, str] = {e.slug: e.name for e in EXERCISES}
EXERCISES_BY_SLUG: dict[str, Exercise] = {e.slug: e for e in EXERCISES}
