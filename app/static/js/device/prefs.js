// Which cues sound: tones, voice, vibration, each switchable and kept on this device.

const KEY = 'squeeze.cues';
export const CUES = ['tones', 'voice', 'vibration'];

/** What `key` holds; a missing or damaged entry reads as {}: every cue on, the routine's cadences. */
function read(key) {
  try {
    return JSON.parse(localStorage.getItem(key)) ?? {};
  } catch {
    return {};
  }
}

export function cuePrefs() {
  const saved = read(KEY);
  return Object.fromEntries(CUES.map((c) => [c, saved[c] !== false]));
}

export function setCuePref(cue, on) {
  localStorage.setItem(KEY, JSON.stringify({ ...cuePrefs(), [cue]: on }));
}

const BEATS = 'squeeze.beats';

/** The beat (ms a rep) each exercise's paced sets play at on this device, when changed here. */
export const beatPrefs = () => read(BEATS);

export function setBeatPref(exercise, beatMs) {
  localStorage.setItem(BEATS, JSON.stringify({ ...beatPrefs(), [exercise]: beatMs }));
}
