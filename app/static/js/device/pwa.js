// Registers the service worker and offers a waiting new version, never over a playing routine.
// What the first paint does not need comes after the load event, so a first visit stays small: the
// sync badge (and the sync and store modules behind it), and the update prompt only once it is needed.
addEventListener('load', () => import('../screens/sync-badge.js'), { once: true });
const updatePrompt = () => import('../screens/update-prompt.js');

const root = document.documentElement;
let waiting = null;
let reloadRequested = false;

// Without a service worker (an old browser, plain http) Squeeze still works while online.
if ('serviceWorker' in navigator) {
  register().catch((error) => console.warn('No offline mode:', error));
}

async function register() {
  const registration = await navigator.serviceWorker.register('/sw.js', {
    scope: '/',
    updateViaCache: 'none',
  });
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      // With no controller yet this is the first install, not an update: nothing to offer.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadRequested) location.reload();
  });
  // An installed app can stay open for days: look for a new version whenever it comes back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {});
  });
  new MutationObserver(refresh).observe(root, { attributeFilter: ['data-playing'] });
}

function offer(worker) {
  waiting = worker;
  refresh();
}

function refresh() {
  if (!waiting || reloadRequested) return;
  updatePrompt().then(({ showUpdatePrompt, hideUpdatePrompt }) => {
    if (reloadRequested) return;
    if (root.dataset.playing === 'true') hideUpdatePrompt();
    else showUpdatePrompt(activateWaiting);
  });
}

function activateWaiting() {
  reloadRequested = true;
  updatePrompt().then(({ hideUpdatePrompt }) => hideUpdatePrompt());
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
