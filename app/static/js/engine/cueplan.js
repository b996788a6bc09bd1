// Which cues a run sounds and when, from the engine's timestamps. Pure: no DOM, no audio.

export const GRACE_MS = 350; // a cue later than this is skipped, never played late
export const DONE_TEXT = 'All done. Nicely squeezed.';
export const ENDED_TEXT = 'Ended early. Rest, and come back when you are ready.';
const RISE_MAX_MS = 10000; // short holds are squeezes: pips rise in pitch, tighter and tighter
const LONG_MS = 10000; // a hold or rest this long gets 3-2-1 pips; a rest this long says what is next
const NEXT_AHEAD_MS = 6000; // "Next: …" is said before the pips, so the two do not talk over
const TYPE = {
  prepare: 'ready',
  work: 'start',
  reps: 'start',
  rest: 'relax',
  set_rest: 'relax',
  switch: 'switch',
};
const ACTIVE = new Set(['work', 'reps']);

/** Every cue whose time is in (from, to], in time order; none while paused. */
export function cuesBetween(state, from, to) {
  if (state.pausedAt !== null) return [];
  const segs = state.segments;
  const out = [];
  const add = (at, type, index, extra = {}) => {
    if (at > from && at <= to) out.push({ at, type, index, key: `${state.rev}:${index}:${type}:${extra.n ?? ''}`, ...extra });
  };
  let begin = state.anchorAt;
  for (let i = state.anchorIndex; begin <= to; i += 1) {
    const seg = segs[i];
    if (!seg) {
      add(begin, 'done', i, { text: state.ended ? ENDED_TEXT : DONE_TEXT });
      break;
    }
    // A paced set counts its reps aloud from "1": its label is on screen and was said before it.
    add(begin, TYPE[seg.kind], i, { text: seg.label, ...(seg.beat_ms ? { say: '1', n: 1 } : {}) });
    const d = seg.duration_ms;
    if (d === null) break;
    if (seg.beat_ms) {
      for (let n = 2; n <= seg.reps; n += 1) add(begin + (n - 1) * seg.beat_ms, 'beat', i, { n, text: String(n) });
    }
    const next = segs[i + 1];
    if (!ACTIVE.has(seg.kind) && next && d >= LONG_MS) {
      add(begin + d - NEXT_AHEAD_MS, 'next', i, { text: `Next: ${next.label.split(':')[0]}` });
    }
    const long = seg.kind === 'work' ? d > RISE_MAX_MS : d >= LONG_MS;
    if (!seg.beat_ms && (long || (!ACTIVE.has(seg.kind) && ACTIVE.has(next?.kind)))) {
      for (const n of [3, 2, 1]) {
        if (d - n * 1000 >= 1000) add(begin + d - n * 1000, 'count', i, { n });
      }
    }
    if (seg.kind === 'work' && d <= RISE_MAX_MS) {
      for (let n = 1; n * 1000 < d; n += 1) add(begin + n * 1000, 'rise', i, { n });
    }
    begin += d;
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * What one tick of the screen does with the cues since its last tick (`last`) and just ahead:
 * `due` to play now, `missed` (their moment passed while the page stalled: skipped), and `ahead`
 * to schedule on the audio clock.
 */
export function planTick(state, last, now, horizonMs = 3000) {
  const plan = { due: [], missed: [], ahead: [] };
  for (const cue of cuesBetween(state, last, now + horizonMs)) {
    if (cue.at < now - GRACE_MS) plan.missed.push(cue);
    else if (cue.at <= now) plan.due.push(cue);
    else plan.ahead.push(cue);
  }
  return plan;
}
