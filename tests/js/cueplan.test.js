import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DONE_TEXT, cuesBetween, planTick } from '../../app/static/js/engine/cueplan.js';
import { pause, skip, start } from '../../app/static/js/engine/player.js';
import { bridges, fakeClock, flareUp, morning } from './timelines.js';

/** Drives the plan as the screen does: a tick every `everyMs`, with the given stalls. */
function playTicks(run, clock, untilMs, everyMs, stalls = {}) {
  const played = [];
  const skipped = [];
  let last = clock.now() - 1;
  while (clock.now() < untilMs) {
    const plan = planTick(run, last, clock.now());
    played.push(...plan.due.map((c) => ({ ...c, heardAt: clock.now() })));
    skipped.push(...plan.missed);
    last = clock.now();
    clock.advance(stalls[clock.now()] ?? everyMs);
  }
  return { played, skipped };
}

test('segment starts are cued with the label the server wrote to be spoken', () => {
  const run = start(morning(), 0);
  const spoken = cuesBetween(run, -1, 172_000).filter((c) => c.text).map((c) => [c.at, c.type, c.text]);
  assert.deepEqual(spoken.slice(0, 6), [
    [0, 'ready', 'Get ready: Glute-driven hip flexor stretch, left side first'],
    [5000, 'start', 'Glute-driven hip flexor stretch, left side'],
    [35000, 'switch', 'Switch to the right side'],
    [40000, 'start', 'Glute-driven hip flexor stretch, right side'],
    [70000, 'ready', 'Get ready: Booty flex'],
    [75000, 'start', 'Booty flex, round 1 of 10'],
  ]);
  assert.deepEqual(spoken.at(-1), [172_000, 'done', DONE_TEXT]);
});

test('a 3-2-1 count-in leads into work, and a squeeze has pips rising each second', () => {
  const run = start(flareUp(), 0);
  const cues = cuesBetween(run, -1, 13_000).map((c) => [c.at, c.type, c.n ?? null]);
  assert.deepEqual(cues, [
    [0, 'ready', null],
    [1000, 'count', 2], [2000, 'count', 1],
    [3000, 'start', null],
    [4000, 'rise', 1], [5000, 'rise', 2], [6000, 'rise', 3], [7000, 'rise', 4], [8000, 'rise', 5], [9000, 'rise', 6],
    [10000, 'relax', null],
    [11000, 'count', 2], [12000, 'count', 1],
    [13000, 'start', null],
  ]);
});

test('long holds get no rising pips', () => {
  const run = start(morning(), 0);
  assert.equal(cuesBetween(run, 5000, 35_000).filter((c) => c.type === 'rise').length, 0);
});

test('a paused run sounds nothing', () => {
  assert.deepEqual(cuesBetween(pause(start(morning(), 0), 1000), 0, 100_000), []);
});

test('nothing is cued past a segment that waits for a tap', () => {
  const run = start(bridges(), 0);
  assert.deepEqual(cuesBetween(run, -1, 999_999).map((c) => c.type), ['ready', 'count', 'count', 'count', 'start']);
});

test('with steady ticks every cue plays once, on time', () => {
  const clock = fakeClock(0);
  const run = start(flareUp(), 0);
  const { played, skipped } = playTicks(run, clock, 40_000, 250);
  assert.equal(skipped.length, 0);
  assert.equal(played.length, cuesBetween(run, -1, 40_000).length);
  assert.equal(new Set(played.map((c) => c.key)).size, played.length);
  for (const cue of played) assert.ok(cue.heardAt - cue.at < 250);
});

test('cues missed during a stall are reported skipped, never played late', () => {
  const clock = fakeClock(0);
  const run = start(flareUp(), 0);
  const { played, skipped } = playTicks(run, clock, 40_000, 250, { 2500: 4000 }); // frozen 2.5 s → 6.5 s
  assert.deepEqual(skipped.map((c) => [c.at, c.type]), [
    [3000, 'start'], [4000, 'rise'], [5000, 'rise'], [6000, 'rise'],
  ]);
  for (const cue of played) assert.ok(cue.heardAt - cue.at <= 350, `${cue.type} at ${cue.at} heard ${cue.heardAt}`);
  assert.ok(played.some((c) => c.at === 7000 && c.type === 'rise'));
});

test('a cue just behind the tick (within the grace) still plays', () => {
  const run = start(flareUp(), 0);
  const plan = planTick(run, 2900, 3200);
  assert.deepEqual(plan.due.map((c) => c.type), ['start']);
});

test('cues ahead are offered for scheduling on the audio clock', () => {
  const run = start(flareUp(), 0);
  const plan = planTick(run, 2500, 2600, 2000);
  assert.deepEqual(plan.ahead.map((c) => [c.at, c.type]), [[3000, 'start'], [4000, 'rise']]);
});

test('after a skip the new segment is cued at once, under a fresh key', () => {
  const before = start(flareUp(), 0);
  const after = skip(before, 1500);
  const plan = planTick(after, 1400, 1500);
  assert.deepEqual(plan.due.map((c) => [c.at, c.type]), [[1500, 'start']]);
  assert.notEqual(plan.due[0].key, cuesBetween(before, 2999, 3000)[0].key);
});
