// Timelines shaped as GET /api/v1/routines/{slug} returns them (copied from the server's output).

const seg = (kind, label, duration_ms, step, extra = {}) => ({ kind, label, duration_ms, step, exercise: 'x', ...extra });

/** The morning routine: a 30 s stretch on each side, then ten 7 s squeezes with 3 s rests. */
export function morning() {
  const out = [
    seg('prepare', 'Get ready: Glute-driven hip flexor stretch, left side first', 5000, 0, { side: 'left' }),
    seg('work', 'Glute-driven hip flexor stretch, left side', 30000, 0, { side: 'left', round: 1 }),
    seg('switch', 'Switch to the right side', 5000, 0, { side: 'right' }),
    seg('work', 'Glute-driven hip flexor stretch, right side', 30000, 0, { side: 'right', round: 1 }),
    seg('prepare', 'Get ready: Booty flex', 5000, 1),
  ];
  for (let r = 1; r <= 10; r += 1) {
    out.push(seg('work', `Booty flex, round ${r} of 10`, 7000, 1, { round: r }));
    if (r < 10) out.push(seg('rest', 'Relax', 3000, 1, { round: r }));
  }
  return out.map((s, index) => ({ index, ...s }));
}

/** Bridge builder: self-paced sets that wait for a tap, with timed rests between. */
export function bridges() {
  return [
    seg('prepare', 'Get ready: Hip bridge', 5000, 0),
    seg('reps', 'Hip bridge, set 1 of 2: 10 reps, tap when done', null, 0, { set: 1, reps: 10 }),
    seg('set_rest', 'Rest, then set 2 of 2', 45000, 0, { set: 1 }),
    seg('reps', 'Hip bridge, set 2 of 2: 10 reps, tap when done', null, 0, { set: 2, reps: 10 }),
  ].map((s, index) => ({ index, ...s }));
}

/** Flare-up rescue: three squeezes. */
export function flareUp() {
  const out = [seg('prepare', 'Get ready: Booty flex', 3000, 0)];
  for (let r = 1; r <= 3; r += 1) {
    out.push(seg('work', `Booty flex, round ${r} of 3`, 7000, 0, { round: r }));
    if (r < 3) out.push(seg('rest', 'Relax', 3000, 0, { round: r }));
  }
  return out.map((s, index) => ({ index, ...s }));
}

/** A clock the test moves by hand. */
export function fakeClock(t = 1_700_000_000_000) {
  return { t, now() { return this.t; }, advance(ms) { this.t += ms; return this.t; } };
}
