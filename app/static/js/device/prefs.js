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
