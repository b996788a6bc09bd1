// The run in progress, kept on the device so a hidden, frozen or reloaded page resumes it.
import { limits } from '../lib/limits.js';

const KEY = 'squeeze.run';

export function saveRun(run) {
  localStorage.setItem(KEY, JSON.stringify(run));
}

/** The saved run of routine `slug`, unless it is older than the longest run the API keeps. */
export function loadRun(slug, now) {
  let run = null;
  try {
    run = JSON.parse(localStorage.getItem(KEY));
  } catch {
    run = null;
  }
  if (!run || run.slug !== slug) return null;
  if (now - run.state.startedAt > limits.runMaxMs) {
    clearRun();
    return null;
  }
  return run;
}

export function clearRun() {
  localStorage.removeItem(KEY);
}
