// The run in progress, kept on the device so a hidden, frozen or reloaded page resumes it.

const KEY = 'squeeze.run';
const MAX_AGE_MS = 6 * 3600 * 1000; // the API refuses runs longer than this anyway

export function saveRun(run) {
  localStorage.setItem(KEY, JSON.stringify(run));
}

/** The saved run of routine `slug`, unless it is too old to resume. */
export function loadRun(slug, now) {
  let run = null;
  try {
    run = JSON.parse(localStorage.getItem(KEY));
  } catch {
    run = null;
  }
  if (!run || run.slug !== slug) return null;
  if (now - run.state.startedAt > MAX_AGE_MS) {
    clearRun();
    return null;
  }
  return run;
}

export function clearRun() {
  localStorage.removeItem(KEY);
}
