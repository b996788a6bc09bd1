import assert from 'node:assert/strict';
import { test } from 'node:test';

import { addRound, back, done, end, pause, position, resume, roundsLeft, skip, start, stepsDone } from '../../app/static/js/engine/player.js';
import { bridges, fakeClock, flareUp, morning, routine } from './timelines.js';

/** A run of a built-in as play.js starts one: its timeline and what "+1 round" swaps in. */
const play = (slug, startAt) => {
  const { timeline, more_rounds } = routine(slug);
  return start(timeline, startAt, more_rounds);
};

const at = (state, now) => {
  const p = position(state, now);
  return { index: p.index, left: p.remainingMs };
};

test('each segment of the morning routine starts when the durations before it add up', () => {
  const clock = fakeClock();
  const t0 = clock.now();
  const run = start(morning(), t0);
  const starts = [0, 5000, 35000, 40000, 70000, 75000, 82000, 85000];
  starts.forEach((offset, index) => {
    assert.deepEqual(at(run, t0 + offset), { index, left: run.segments[index].duration_ms });
    if (index) assert.equal(position(run, t0 + offset - 1).index, index - 1);
  });
  assert.equal(position(run, t0 + 172_000 - 1).segment.label, 'Booty flex, round 10 of 10');
  assert.equal(position(run, t0 + 172_000).finished, true);
  assert.equal(position(run, t0 + 172_000).endedAt, t0 + 172_000);
});

test('before the start (the lead-in) the first segment waits at its full length', () => {
  const run = start(morning(), 1000);
  assert.deepEqual(at(run, 400), { index: 0, left: 5000 });
});

test('after an event-loop stall the position is exactly what the wall clock says', () => {
  const clock = fakeClock();
  const run = start(morning(), clock.now());
  clock.advance(4_300); // ticking normally, then the page freezes for several seconds
  clock.advance(3_900);
  assert.deepEqual(at(run, clock.now()), { index: 1, left: 30000 - 3200 });
});

test('a paused run stands still and resumes where it stopped', () => {
  const clock = fakeClock();
  let run = start(morning(), clock.now());
  clock.advance(6_000);
  run = pause(run, clock.now());
  clock.advance(60_000);
  assert.deepEqual(at(run, clock.now()), { index: 1, left: 29_000 });
  assert.equal(position(run, clock.now()).paused, true);
  run = resume(run, clock.now());
  clock.advance(29_000);
  assert.deepEqual(at(run, clock.now()), { index: 2, left: 5000 });
});

test('skip starts the next segment now, and back returns to the previous one from its start', () => {
  const clock = fakeClock();
  let run = start(morning(), clock.now());
  clock.advance(2_000);
  run = skip(run, clock.now());
  assert.deepEqual(at(run, clock.now()), { index: 1, left: 30000 });
  clock.advance(10_000);
  run = skip(run, clock.now());
  assert.deepEqual(at(run, clock.now()), { index: 2, left: 5000 });
  run = back(run, clock.now());
  assert.deepEqual(at(run, clock.now()), { index: 1, left: 30000 });
  clock.advance(1_000);
  assert.deepEqual(at(run, clock.now()), { index: 1, left: 29000 });
});

test('back on the first segment restarts it', () => {
  const clock = fakeClock();
  let run = start(morning(), clock.now());
  clock.advance(3_000);
  run = back(run, clock.now());
  assert.deepEqual(at(run, clock.now()), { index: 0, left: 5000 });
});

test('skip and back while paused move the run but keep it paused', () => {
  const clock = fakeClock();
  let run = pause(start(morning(), clock.now()), clock.now() + 1000);
  clock.advance(5_000);
  run = skip(run, clock.now());
  clock.advance(5_000);
  assert.deepEqual(at(run, clock.now()), { index: 1, left: 30000 });
  run = resume(run, clock.now());
  clock.advance(500);
  assert.deepEqual(at(run, clock.now()), { index: 1, left: 29500 });
});

test('a self-paced segment waits for the tap, however long it takes', () => {
  const clock = fakeClock();
  let run = start(bridges(), clock.now());
  clock.advance(600_000);
  const waiting = position(run, clock.now());
  assert.equal(waiting.index, 1);
  assert.equal(waiting.waiting, true);
  assert.equal(waiting.remainingMs, null);
  assert.equal(waiting.elapsedMs, 595_000);
  run = done(run, clock.now());
  clock.advance(45_000);
  assert.equal(position(run, clock.now()).index, 3);
  assert.equal(position(run, clock.now() - 1).index, 2);
  run = done(run, clock.now());
  clock.advance(45_000);
  assert.equal(position(run, clock.now()).index, 5);
  run = done(run, clock.now());
  assert.equal(position(run, clock.now()).finished, true);
});

test('the done tap does nothing on a timed segment', () => {
  const run = start(morning(), 0);
  assert.equal(done(run, 1000), run);
});

test('the state survives JSON, as a reloaded page reads it back', () => {
  const clock = fakeClock();
  let run = start(morning(), clock.now());
  clock.advance(12_000);
  run = pause(run, clock.now());
  clock.advance(3_000);
  run = resume(run, clock.now());
  const restored = JSON.parse(JSON.stringify(run));
  clock.advance(50_000);
  assert.deepEqual(position(restored, clock.now()), position(run, clock.now()));
  assert.deepEqual(at(restored, clock.now()), { index: 3, left: 8000 }); // 62 s played
});

test('+1 round swaps in the server\'s step with a rest and a work round more, labels and all', () => {
  const clock = fakeClock();
  let run = play('flare-up', clock.now());
  clock.advance(4_000); // one second into round 1
  run = addRound(run, clock.now());
  const labels = run.segments.map((s) => s.label);
  assert.deepEqual(labels.slice(1), [
    'Booty flex, round 1 of 4', 'Relax', 'Booty flex, round 2 of 4', 'Relax',
    'Booty flex, round 3 of 4', 'Relax', 'Booty flex, round 4 of 4',
  ]);
  assert.deepEqual(run.segments.map((s) => s.index), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(at(run, clock.now()), { index: 1, left: 6000 });
  assert.equal(position(run, clock.now() + 6000 + 23_000).segment.round, 4);
  assert.equal(position(run, clock.now() + 6000 + 30_000 - 1).finished, false);
  assert.equal(position(run, clock.now() + 6000 + 30_000).finished, true);
});

test('+1 round keeps what was played and the steps after, and renumbers their places', () => {
  const clock = fakeClock();
  let run = play('morning', clock.now());
  clock.advance(75_000 + 10_000 + 1_000); // one second into round 2 of the squeezes
  const before = run.segments.slice(0, 7);
  run = addRound(run, clock.now());
  assert.deepEqual(run.segments.slice(0, 7), before);
  assert.deepEqual(run.segments.map((s) => s.index), [...run.segments.keys()]);
  assert.deepEqual(at(run, clock.now()), { index: 7, left: 6000 });
  const squeezes = run.segments.filter((s) => s.step === 1 && s.kind === 'work').slice(1);
  assert.deepEqual(squeezes.map((s) => s.label), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((r) => `Booty flex, round ${r} of 11`));
  assert.equal(position(run, clock.now() + 6000 + 9 * 10_000 - 1).segment.label, 'Booty flex, round 11 of 11');
  assert.equal(position(run, clock.now() + 6000 + 9 * 10_000).finished, true);
});

test('+1 round after the end plays one more rest and squeeze from now', () => {
  const clock = fakeClock();
  let run = play('flare-up', clock.now());
  clock.advance(40_000);
  assert.equal(position(run, clock.now()).finished, true);
  run = addRound(run, clock.now());
  assert.deepEqual(at(run, clock.now()), { index: 6, left: 3000 });
  assert.equal(position(run, clock.now() + 3000).segment.label, 'Booty flex, round 4 of 4');
});

test('+1 round can be pressed three times on a step, then no more', () => {
  const clock = fakeClock();
  let run = play('flare-up', clock.now());
  clock.advance(4_000);
  assert.equal(roundsLeft(run, clock.now()), 3);
  for (const left of [2, 1, 0]) {
    run = JSON.parse(JSON.stringify(addRound(run, clock.now()))); // kept on the device between taps
    assert.equal(roundsLeft(run, clock.now()), left);
  }
  assert.equal(run.segments.at(-1).label, 'Booty flex, round 6 of 6');
  assert.equal(addRound(run, clock.now()), run);
});

test('+1 round on a step without timed rounds changes nothing', () => {
  const run = play('bridge-builder', 0);
  assert.equal(roundsLeft(run, 1000), null);
  assert.equal(addRound(run, 1000), run);
  const stretch = play('morning', 0); // one 30 s hold a side: no rounds to add
  assert.equal(roundsLeft(stretch, 10_000), null);
  assert.equal(addRound(stretch, 10_000), stretch);
});

test('steps done counts steps played to the end, not skipped ones', () => {
  const clock = fakeClock();
  let run = start(morning(), clock.now());
  clock.advance(10_000);
  run = skip(run, clock.now()); // skips the left-side hold
  assert.equal(stepsDone(run, clock.now()), 0);
  clock.advance(200_000);
  assert.equal(stepsDone(run, clock.now()), 1);
  const full = start(morning(), 0);
  assert.equal(stepsDone(full, 171_999), 1);
  assert.equal(stepsDone(full, 172_000), 2);
});

test('a skipped segment that is gone back to and played counts again', () => {
  let run = start(morning(), 0);
  run = skip(run, 6_000); // skip the left hold
  run = back(run, 7_000); // back to it
  assert.equal(position(run, 7_000).index, 1);
  assert.equal(stepsDone(run, 200_000), 2);
});

test('ending early finishes the run now, with the unplayed steps not done', () => {
  let run = start(morning(), 0);
  run = end(run, 80_000); // during the first squeeze
  const pos = position(run, 80_000);
  assert.equal(pos.finished, true);
  assert.equal(pos.endedAt, 80_000);
  assert.equal(stepsDone(run, 999_999), 1);
});
