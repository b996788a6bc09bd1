// Tones on the Web Audio clock, scheduled ahead so a busy or throttled page cannot delay them,
// and vibration patterns.

const LEAD_IN_S = 0.4; // near-silence before each cue wakes Bluetooth headphones in time
// [frequency Hz, start s, length s] per note.
const NOTES = {
  count: [[880, 0, 0.08]],
  beat: [[1319, 0, 0.05]], // a short tick a rep, above the count pips
  start: [[1175, 0, 0.28]],
  relax: [[660, 0, 0.14], [440, 0.16, 0.3]],
  switch: [[660, 0, 0.12], [880, 0.16, 0.12], [660, 0.32, 0.12]],
  done: [[523, 0, 0.16], [659, 0.18, 0.16], [784, 0.36, 0.4]],
};
const BUZZ = { count: [40], beat: [60], start: [250], relax: [80, 80, 80], switch: [150, 100, 150, 100, 150], done: [400, 150, 400] };

const riseNotes = (n) => [[440 * 2 ** (n / 6), 0, 0.09]]; // a whole tone higher every second

export function createTones(Context = globalThis.AudioContext) {
  let ctx = null;
  let scheduled = new Map();
  let resuming = null;

  /** A running context: resumed after an interruption, or made anew if it was closed. */
  function context() {
    if (!Context) return null;
    if (!ctx || ctx.state === 'closed') {
      ctx = new Context();
      scheduled = new Map(); // whatever the old context held will never sound
    }
    if (ctx.state !== 'running' && !resuming) {
      resuming = ctx.resume().then(
        () => { resuming = null; },
        () => {
          ctx?.close().catch(() => {});
          ctx = resuming = null;
        },
      );
    }
    return ctx;
  }

  function note(c, freq, at, length, peak) {
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(peak, at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    osc.connect(gain).connect(c.destination);
    osc.start(at);
    osc.stop(at + length + 0.02);
    return osc;
  }

  /**
   * The audio-clock time that reaches the speaker `delayS` from now. `currentTime` runs ahead of what
   * is heard by the output latency (tens of ms, far more over Bluetooth), so aim through the output
   * timestamp; one that is stale or from another clock (a page under a test clock) is not trusted.
   */
  function heardIn(c, delayS) {
    const naive = c.currentTime + delayS;
    const out = c.getOutputTimestamp?.();
    if (!out?.performanceTime) return naive;
    const age = performance.now() - out.performanceTime;
    const at = out.contextTime + age / 1000 + delayS;
    return age >= 0 && age < 500 && naive - at >= 0 && naive - at < 0.5 ? at : naive;
  }

  return {
    /** Call from a tap: browsers only let a page start audio from a gesture. */
    unlock() {
      const c = context();
      if (c) note(c, 440, c.currentTime, LEAD_IN_S, 0.0002);
    },
    /** Plays cue `type` in `delayS` seconds on the audio clock, once per `key`; returns that time. */
    schedule(key, type, delayS, { audible = true, n = 0 } = {}) {
      const c = context();
      if (!c) return undefined;
      // A context that has only just started cannot yet say when it will be heard (its first output
      // timestamps are off by tens of ms): a cue aimed then is aimed again once they have settled.
      const settled = c.state === 'running' && (!c.getOutputTimestamp || c.getOutputTimestamp().contextTime > 0.1);
      const old = scheduled.get(key);
      if (old && (old.settled || !settled || delayS < 0.05)) return undefined;
      for (const node of old?.nodes ?? []) node.stop();
      const at = heardIn(c, delayS);
      const nodes = [];
      if (delayS > 0.05) nodes.push(note(c, 440, Math.max(c.currentTime, at - LEAD_IN_S), LEAD_IN_S, 0.0002));
      const notes = type === 'rise' ? riseNotes(n) : NOTES[type];
      if (audible && notes) for (const [f, off, len] of notes) nodes.push(note(c, f, at + off, len, 0.3));
      scheduled.set(key, { nodes, at, settled });
      for (const [k, v] of scheduled) if (v.at < c.currentTime - 5) scheduled.delete(k);
      return at;
    },
    /** The audio clock against the page's clock, for benchmarks/cue_accuracy.py. */
    stamp() {
      const out = ctx?.getOutputTimestamp?.();
      return out ? { contextTime: out.contextTime, performanceTime: out.performanceTime } : null;
    },
    /** Silences everything scheduled (pause, skip, back). */
    cancel() {
      for (const { nodes } of scheduled.values()) for (const n of nodes) n.stop();
      scheduled.clear();
    },
    /** After the page was hidden: a context the system suspended is woken up again. */
    wake() {
      if (ctx) context();
    },
  };
}

/** Vibrates for cue `type`; true if the device took it (a hidden page's call is refused). */
export function buzz(type) {
  return Boolean(BUZZ[type] && navigator.vibrate?.(BUZZ[type]));
}
