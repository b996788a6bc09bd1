// Which cues sound: tones, voice, vibration, each switchable and kept on this device.

const KEY = 'squeeze.cues';
export const CUES = ['tones', 'voice', 'vibration'];

export function cuePrefs() {
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(KEY)) ?? {};
  } catch {
    // A damaged entry falls back to every cue on.
  }
  return Object.fromEntries(CUES.map((c) => [c, saved[c] !== false]));
}

export function setCuePref(cue, on) {
  localStorage.setItem(KEY, JSON.stringify({ ...cuePrefs(), [cue]: on }));
}

const BEATS = 'squeeze.beats';

/** The beat (ms a rep) each exercise's paced sets play at on this device, when changed here. */
export function beatPrefs() {
  try {
    return JSON.parse(localStorage.getItem(BEATS)) ?? {};
  } catch {
    return {}; // a damaged entry: every exercise at the routine's own cadence
  }
}

export function setBeatPref(exercise, beatMs) {
  localStorage.setItem(BEATS, JSON.stringify({ ...beatPrefs(), [exercise]: beatMs }));
}
