// Keeps the screen on while a routine plays; the lock is lost when the page hides, so it is
// asked for again when the page shows.

export function createWakeLock(nav = navigator, doc = document) {
  let sentinel = null;
  let wanted = false;
  const supported = 'wakeLock' in nav;

  async function acquire() {
    if (!supported || !wanted || sentinel || doc.visibilityState !== 'visible') return Boolean(sentinel);
    try {
      sentinel = await nav.wakeLock.request('screen');
      sentinel.addEventListener('release', () => {
        sentinel = null;
      });
    } catch {
      sentinel = null; // refused (battery saver, no focus): the screen shows the hint
    }
    return Boolean(sentinel);
  }

  doc.addEventListener('visibilitychange', acquire);
  return {
    /** Resolves true when the screen will stay on. */
    hold() {
      wanted = true;
      return acquire();
    },
    release() {
      wanted = false;
      sentinel?.release();
      sentinel = null;
    },
  };
}
