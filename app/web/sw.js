/* Squeeze's service worker. app/web/pwa.py puts `const SHELL = {version, precache, optional, offline,
   player}` above this line, so a change to any file of the shell makes a new worker. */
/* global SHELL */

const CACHE = `squeeze-shell-${SHELL.version}`;
const NETWORK_TIMEOUT_MS = 3000;
// Of the API, only the public catalogue the server listed is kept: never a person's own data.
const PUBLIC_API = new Set(SHELL.precache.filter((url) => url.startsWith('/api/')));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  // No skipWaiting here: a new version waits until the page asks (never over a playing routine).
});

self.addEventListener('activate', (event) => {
  event.waitUntil(dropOldCaches().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

// Background Sync: the connection is back, so wake an open page to push its outbox (sync.js). With
// no page open there is nothing to do: the next start of the app syncs first thing.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'squeeze-sync') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((pages) => {
      for (const page of pages) page.postMessage({ type: 'squeeze-sync' });
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(pageOrFallback(request, url));
  else if (url.pathname.startsWith('/static/')) event.respondWith(cacheFirst(request));
  else {
    const keep = PUBLIC_API.has(url.pathname) && !url.search;
    event.respondWith(networkFirst(request, keep).then((r) => r ?? offlineProblem()));
  }
});

async function precache() {
  // `reload` skips the HTTP cache: a new shell must never be precached from stale copies.
  const fresh = (url) => new Request(url, { cache: 'reload' });
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL.precache.map(fresh));
  // The other screens' pages: kept when they answer, never failing the install.
  await Promise.all(SHELL.optional.map((url) => cache.add(fresh(url)).catch(() => {})));
}

async function dropOldCaches() {
  const names = await caches.keys();
  const old = names.filter((name) => name.startsWith('squeeze-shell-') && name !== CACHE);
  await Promise.all(old.map((name) => caches.delete(name)));
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  // Offline and never kept: the page gets a network error, as from fetch, and no rejection is left.
  const response = await fetch(request).catch(() => Response.error());
  if (cacheable(request, response)) await cache.put(request, response.clone());
  return response;
}

/** The network's answer when it comes in time, else the cached copy; null when neither exists. */
async function networkFirst(request, keep = true) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    if (keep && cacheable(request, response)) await cache.put(request, response.clone());
    return response;
  });
  const cachedAfterTimeout = delay(NETWORK_TIMEOUT_MS).then(async () => {
    return (await cache.match(request)) ?? network;
  });
  try {
    return await Promise.race([network, cachedAfterTimeout]);
  } catch {
    return (await cache.match(request)) ?? null;
  }
}

async function pageOrFallback(request, url) {
  const response = await networkFirst(request);
  if (response) return response;
  const cache = await caches.open(CACHE);
  // Every player page is the same HTML (it reads the slug from the URL), so one copy plays all.
  const player = url.pathname.startsWith('/play/') ? await cache.match(SHELL.player) : undefined;
  return player ?? (await cache.match(SHELL.offline)) ?? Response.error();
}

/** Only public, complete, same-origin answers are kept: every account on the device shares it. */
function cacheable(request, response) {
  const control = response.headers.get('Cache-Control') ?? '';
  return (
    response.ok &&
    response.type === 'basic' &&
    !response.redirected &&
    !request.headers.has('Authorization') &&
    !/no-store|private/.test(control)
  );
}

function offlineProblem() {
  const problem = {
    type: 'about:blank',
    title: 'Offline',
    status: 503,
    detail: 'There is no network and this was not saved on the device.',
  };
  return new Response(JSON.stringify(problem), {
    status: 503,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
