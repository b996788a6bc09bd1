// The player engine: where a run of a timeline is, computed from timestamps. No DOM, no timers.
// A state is a plain JSON object; every operation takes the clock's `now` (ms) and returns a new
// state, so a reloaded or frozen page lands exactly where the wall clock says.

const PLAYED = new Set(['work', 'reps']);

/**
 * A run of `timeline` (the server's segments) whose first segment begins at `startAt`;
 * `moreRounds` is the routine's `more_rounds`, what "+1 round" swaps in; `beats` maps an exercise
 * to the beat (ms) its paced sets play at on this device, one of the cadences the server offers.
 */
export function start(timeline, startAt, moreRounds = [], beats = {}) {
  const segments = timeline.map((s, index) => withBeat({ ...s, index }, beats[s.exercise]));
  return {
    segments,
    taps: {},
    moreRounds,
    startedAt: startAt,
    anchorIndex: 0,
    anchorAt: startAt,
    pausedAt: null,
    skipped: [],
    rev: 0,
  };
}

/** Which segment plays at `now`, how far into it, and what comes next. */
export function position(state, now) {
  const segs = state.segments;
  const t = state.pausedAt ?? now;
  let i = state.anchorIndex;
  let begin = state.anchorAt;
  while (i < segs.length) {
    const d = segs[i].duration_ms;
    if (d === null || t < begin + d) break;
    begin += d;
    i += 1;
  }
  const segment = segs[i] ?? null;
  const elapsedMs = segment ? Math.max(0, t - begin) : 0;
  const d = segment?.duration_ms ?? null;
  return {
    index: i,
    segment,
    next: segs[i + 1] ?? null,
    segmentStartedAt: begin,
    elapsedMs,
    remainingMs: d === null ? null : d - elapsedMs,
    waiting: segment !== null && d === null,
    paused: state.pausedAt !== null,
    finished: segment === null,
    endedAt: segment === null ? begin : null,
  };
}

export function pause(state, now) {
  if (state.pausedAt !== null || position(state, now).finished) return state;
  return { ...state, pausedAt: now, rev: state.rev + 1 };
}

export function resume(state, now) {
  if (state.pausedAt === null) return state;
  const anchorAt = state.anchorAt + (now - state.pausedAt);
  return { ...state, anchorAt, pausedAt: null, rev: state.rev + 1 };
}

/** Ends the current segment now; a skipped work or reps segment does not count as played. */
export function skip(state, now) {
  const pos = position(state, now);
  if (pos.finished) return state;
  const skipped = PLAYED.has(pos.segment.kind) ? [...state.skipped, pos.index] : state.skipped;
  return jump({ ...state, skipped }, now, pos.index + 1);
}

/** Goes back to the start of the previous segment (or restarts the first). */
export function back(state, now) {
  const target = Math.max(0, position(state, now).index - 1);
  const taps = Object.fromEntries(Object.entries(state.taps ?? {}).filter(([i]) => Number(i) < target));
  return jump({ ...state, taps, skipped: state.skipped.filter((i) => i < target) }, now, target);
}

/** The tap that ends a self-paced segment. */
export function done(state, now) {
  const pos = position(state, now);
  return pos.waiting ? jump(state, now, pos.index + 1) : state;
}

/** Ends the run now; the work not yet played counts as skipped. */
export function end(state, now) {
  const from = position(state, now).index;
  const rest = state.segments.filter((s) => s.index >= from && PLAYED.has(s.kind));
  return jump({ ...state, ended: true, skipped: [...state.skipped, ...rest.map((s) => s.index)] }, now, Infinity);
}

/** How many more "+1 round" the step playing at `now` (or, once finished, the last) can take. */
export function roundsLeft(state, now) {
  const { mine, more } = longer(state, position(state, now));
  return mine.length ? more.length : null;
}

/** One more round of the step playing (or, once finished, the last): the server's compile swaps in. */
export function addRound(state, now) {
  const pos = position(state, now);
  const { here, more } = longer(state, pos);
  const key = (s) => [s.kind, s.side, s.set, s.round].join();
  const match = more[0]?.segments.findIndex((s) => key(s) === key(here)) ?? -1;
  if (match < 0) return state;
  const segs = state.segments;
  const from = pos.finished ? segs.length : pos.index;
  const tail = findLast(segs, (s) => s.step === here.step) + 1;
  const added = more[0].segments.slice(pos.finished ? match + 1 : match);
  const shift = from + added.length - tail;
  return {
    ...state,
    segments: [...segs.slice(0, from), ...added, ...segs.slice(tail)].map((s, index) => ({ ...s, index })),
    skipped: state.skipped.map((i) => (i >= tail ? i + shift : i)),
    anchorIndex: from,
    anchorAt: pos.finished ? (state.pausedAt ?? now) : pos.segmentStartedAt,
    rev: state.rev + 1,
  };
}

/** The step's compiles with more rounds (`mine`), and those longer than it plays now. */
function longer(state, pos) {
  const here = pos.segment ?? state.segments.at(-1);
  const rounds = Math.max(0, ...state.segments.filter((s) => s.step === here?.step).map((s) => s.round));
  const mine = (state.moreRounds ?? []).filter((v) => v.step === here?.step);
  return { here, mine, more: mine.filter((v) => v.rounds > rounds) };
}

/** How many of the routine's steps were played to the end (none of their work skipped). */
export function stepsDone(state, now) {
  const reached = position(state, now).index;
  const steps = new Map();
  for (const s of state.segments) {
    const ok = s.index < reached && !state.skipped.includes(s.index);
    steps.set(s.step, (steps.get(s.step) ?? true) && ok);
  }
  return [...steps.values()].filter(Boolean).length;
}

/** A paced segment at the server's cadence whose beat is `beatMs`; any other segment as it is. */
function withBeat(seg, beatMs) {
  const c = seg.cadences?.find((x) => x.beat_ms === beatMs);
  return c ? { ...seg, beat_ms: c.beat_ms, duration_ms: c.duration_ms } : seg;
}

/** The paced exercise a cadence change applies to at `pos`: the set playing, or the one coming next. */
export function pacedAt(state, pos) {
  return state.segments.slice(pos.index).find((s) => s.step === pos.segment?.step && s.cadences) ?? null;
}

/**
 * Plays the paced sets of the exercise at `now` one cadence `step` slower (-1) or faster (+1), from
 * the set playing on; a set under way keeps the reps already done. Returns the state unchanged at
 * either end of the server's list of cadences.
 */
export function changeCadence(state, now, step) {
  const pos = position(state, now);
  const paced = pacedAt(state, pos);
  if (!paced) return state;
  const i = paced.cadences.findIndex((c) => c.beat_ms === paced.beat_ms) + step;
  const beat = paced.cadences[i]?.beat_ms;
  if (beat === undefined) return state;
  const segments = state.segments.map((s) =>
    s.index >= pos.index && s.exercise === paced.exercise ? withBeat(s, beat) : s,
  );
  // A set under way starts its rep under way again, on the new beat; one to come starts as planned.
  const done = pos.segment.cadences ? Math.floor(pos.elapsedMs / pos.segment.beat_ms) : 0;
  const anchorAt = pos.segment.cadences ? (state.pausedAt ?? now) - done * beat : pos.segmentStartedAt;
  return { ...state, segments, anchorIndex: pos.index, anchorAt, rev: state.rev + 1 };
}

/** The rep under way (1-based) of the set playing at `pos`: from the beat when paced, else taps. */
export function repAt(state, pos) {
  const seg = pos.segment;
  if (!seg?.reps) return null;
  if (seg.beat_ms) return Math.min(seg.reps, Math.floor(pos.elapsedMs / seg.beat_ms) + 1);
  return state.taps?.[seg.index] ?? 0;
}

/** One tap on a self-paced set counts a rep; the rep that makes the set ends it. */
export function tap(state, now) {
  const pos = position(state, now);
  if (!pos.waiting) return state;
  const count = (state.taps?.[pos.index] ?? 0) + 1;
  const counted = { ...state, taps: { ...state.taps, [pos.index]: count }, rev: state.rev + 1 };
  return count >= (pos.segment.reps ?? 1) ? jump(counted, now, pos.index + 1) : counted;
}

/**
 * The whole run at `now`: the fraction of its timed part played (self-paced sets weigh nothing),
 * which step of how many, and the timed milliseconds left.
 */
export function progress(state, now) {
  const pos = position(state, now);
  const segs = state.segments;
  const total = segs.reduce((sum, s) => sum + (s.duration_ms ?? 0), 0);
  const before = segs.slice(0, pos.index).reduce((sum, s) => sum + (s.duration_ms ?? 0), 0);
  const played = pos.finished ? total : before + Math.min(pos.elapsedMs, pos.segment.duration_ms ?? 0);
  const steps = [...new Set(segs.map((s) => s.step))];
  const stepNo = pos.finished ? steps.length : steps.indexOf(pos.segment.step) + 1;
  return { fraction: total ? played / total : 0, stepNo, steps: steps.length, leftMs: total - played };
}

function jump(state, now, index) {
  const anchorIndex = Math.min(index, state.segments.length);
  return { ...state, anchorIndex, anchorAt: state.pausedAt ?? now, rev: state.rev + 1 };
}

function findLast(items, test) {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i])) return i;
  return -1;
}
