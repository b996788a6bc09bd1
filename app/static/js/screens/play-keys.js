// The player's keys and the headset: Space pauses, the arrows skip and go back, Enter is Done;
// Media Session gives the lock screen and headphone buttons the same controls.

const session = navigator.mediaSession;

/**
 * Binds the keys and media actions to `controls` ({toggle, play, pause, next, back, done}) while
 * `active()` says the stage is showing; `waiting()` says a self-paced set waits for Done.
 */
export function bindControls(controls, { active, waiting }) {
  document.addEventListener('keydown', (event) => {
    if (!active() || event.altKey || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]')) return;
    const act = {
      ' ': controls.toggle,
      ArrowRight: controls.next,
      ArrowLeft: controls.back,
      Enter: waiting() ? controls.done : null,
    }[event.key];
    if (!act || event.target.closest?.('textarea, input, select')) return;
    event.preventDefault(); // the focused button must not act on the same key as well
    act();
  });
  const actions = {
    play: controls.play,
    pause: controls.pause,
    nexttrack: () => (waiting() ? controls.done() : controls.next()),
    previoustrack: controls.back,
  };
  for (const [name, handler] of Object.entries(actions)) {
    try {
      session?.setActionHandler(name, handler);
    } catch {
      // An action this browser does not know: the on-screen controls still work.
    }
  }
}

/** What the lock screen shows: the step playing, the routine, and whether it plays. */
export function describe(routineName, label, paused) {
  if (!session) return;
  if (session.metadata?.title !== label && globalThis.MediaMetadata) {
    session.metadata = new MediaMetadata({ title: label, artist: routineName, album: 'Squeeze' });
  }
  session.playbackState = paused ? 'paused' : 'playing';
}

export function clear() {
  if (session) session.playbackState = 'none';
}
