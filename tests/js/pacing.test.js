import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ENDED_TEXT, cuesBetween } from '../../app/static/js/engine/cueplan.js';
import { changeCadence, end, position, progress, repAt, start, tap } from '../../app/static/js/engine/player.js';
import { bridges, hipReset, morning } from './timelines.js';

const firstMarch = (segs) => segs.find((s) => s.exercise === 'wall-march' && s.kind === 'reps');

test('a paced set beats once a rep at the compiled cadence, counting 1 to 10', () => {
  const segs = hipReset();
  const march = firstMarch(segs);
  const run = start(segs, 0);
  const begin = segs.slice(0, march.index).reduce((t, s) => t + s.duration_ms, 0);
  const cues = cuesBetween(run, begin - 1, begin + march.duration_ms - 1).filter((c) => c.index === march.index);
  assert.deepEqual(cues.map((c) => [c.at - begin, c.n, c.say ?? c.text]), [
    [0, 1, '1'],
    ...Array.from({ length: 9 }, (_, k) => [(k + 1) * 2000, k + 2, String(k + 2)]),
  ]);
  assert.equal(repAt(run, position(run, begin + 7 * 2000 + 100)), 8);
});

test('a slower cadence keeps the reps done and spaces the rest of the set further apart', () => {
  const segs = hipReset();
  const march = firstMarch(segs);
  const begin = segs.slice(0, march.index).reduce((t, s) => t + s.duration_ms, 0);
  let run = start(segs, 0);
  run = changeCadence(run, begin + 4500, -1); // during rep 3, one step slower: rep 3 starts again, 2.5 s long
  const pos = position(run, begin + 4500);
  assert.equal(pos.segment.beat_ms, 2500);
  assert.equal(repAt(run, pos), 3);
  const beats = cuesBetween(run, begin + 4500, begin + 60_000).filter((c) => c.index === march.index);
  assert.deepEqual(beats.slice(0, 2).map((c) => [c.at - begin, c.n]), [[7000, 4], [9500, 5]]);
  // The other side's set plays at the new beat too; a step not paced keeps its own.
  const right = run.segments.find((s) => s.exercise === 'wall-march' && s.kind === 'reps' && s.side === 'right');
  assert.deepEqual([right.beat_ms, right.duration_ms], [2500, 25_000]);
});

test('the cadence stops at the ends of the list the server offers', () => {
  const segs = hipReset();
  let run = start(segs, 0, [], { 'wall-march': 1500 }); // remembered on the device: the fastest
  const march = run.segments.find((s) => s.exercise === 'wall-march' && s.kind === 'reps');
  assert.equal(march.beat_ms, 1500);
  const at = run.segments.slice(0, march.index - 1).reduce((t, s) => t + s.duration_ms, 0);
  assert.equal(changeCadence(run, at, +1), run);
  run = changeCadence(run, at, -1);
  assert.equal(position(run, at).segment.kind, 'prepare'); // in the prepare: the set to come changes
  assert.equal(run.segments[march.index].beat_ms, 2000);
});

test('timed holds of 30 s get 3-2-1 pips; squeezes of 7 s keep their rising pips instead', () => {
  const run = start(morning(), 0);
  const hold = cuesBetween(run, 5000, 35_000).filter((c) => c.type === 'count');
  assert.deepEqual(hold.map((c) => [c.at, c.n]), [[32_000, 3], [33_000, 2], [34_000, 1]]);
  const squeeze = cuesBetween(run, 75_000, 82_000 - 1).map((c) => c.type);
  assert.ok(!squeeze.includes('count') && squeeze.includes('rise'));
});

test('a long rest says what comes next before its pips', () => {
  const segs = hipReset();
  const rest = segs.find((s) => s.kind === 'set_rest');
  const begin = segs.slice(0, rest.index).reduce((t, s) => t + s.duration_ms, 0);
  const cues = cuesBetween(start(segs, 0), begin, begin + rest.duration_ms).filter((c) => c.index === rest.index);
  assert.deepEqual(cues.map((c) => [c.at - begin, c.type]), [[24_000, 'next'], [27_000, 'count'], [28_000, 'count'], [29_000, 'count']]);
  assert.equal(cues[0].text, 'Next: Hip flexor rocks, left side, set 2 of 2');
});

test('tap-to-count ends a self-paced set at its last rep', () => {
  let run = start(bridges(), 0);
  const set = run.segments.find((s) => s.kind === 'reps');
  const at = run.segments.slice(0, set.index).reduce((t, s) => t + s.duration_ms, 0);
  for (let n = 1; n < set.reps; n += 1) run = tap(run, at + n);
  assert.equal(repAt(run, position(run, at + 100)), set.reps - 1);
  assert.equal(position(run, at + 100).index, set.index);
  run = tap(run, at + 200);
  assert.equal(position(run, at + 200).index, set.index + 1);
});

test('progress follows time, not segments, and names the step and the time left', () => {
  const run = start(morning(), 0); // 5 s ready, 30 s, 5 s switch, 30 s, then booty flex
  assert.deepEqual(progress(run, 20_000), { fraction: 20_000 / 172_000, stepNo: 1, steps: 2, leftMs: 152_000 });
  assert.equal(progress(run, 80_000).stepNo, 2);
});

test('a run ended early says so', () => {
  const run = end(start(morning(), 0), 10_000);
  const [done] = cuesBetween(run, 9_999, 10_000);
  assert.equal(done.text, ENDED_TEXT);
});
