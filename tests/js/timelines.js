// Built-in routines as GET /api/v1/routines/{slug} serves them: timelines.json is written by
// `python -m scripts.js_fixtures` from the server's compiler (tests/test_js_fixtures.py checks it).

import { readFileSync } from 'node:fs';

const routines = JSON.parse(readFileSync(new URL('./timelines.json', import.meta.url), 'utf8'));

/** `{timeline, more_rounds}` of a built-in, a fresh copy each time. */
export const routine = (slug) => structuredClone(routines[slug]);

/** The morning routine: a 30 s stretch on each side, then ten 7 s squeezes with 3 s rests. */
export const morning = () => routine('morning').timeline;

/** Bridge builder: three self-paced sets that wait for a tap, with timed rests between. */
export const bridges = () => routine('bridge-builder').timeline;

/** Flare-up rescue: three squeezes. */
export const flareUp = () => routine('flare-up').timeline;

/** A clock the test moves by hand. */
export function fakeClock(t = 1_700_000_000_000) {
  return { t, now() { return this.t; }, advance(ms) { this.t += ms; return this.t; } };
}

/** Hip reset: a timed foam roll, then paced sets (rocks, wall marches, lunges) on both sides. */
export const hipReset = () => routine('hip-reset').timeline;
