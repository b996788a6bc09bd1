// Sync: the store's dirty records are the outbox. Pushes them, pulls what changed elsewhere, and
// retries with backoff. No DOM here: state goes out as a `squeeze:sync-state` event on window.
// The core (`syncOnce`) touches no window either, so a module service worker can import it.

import * as realStore from './store.js';
import { api, deviceToken } from '../lib/api.js';
import { deviceZone } from '../lib/dates.js';
import { guessDeviceName } from '../lib/device-name.js';
import { limits } from '../lib/limits.js';

const BASE_DELAY_MS = 2000;
const MAX_DELAY_MS = 5 * 60 * 1000;
export const SYNC_TAG = 'squeeze-sync'; // the Background Sync tag the service worker answers

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 5 min, each scaled into [½, 1]. */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const withoutDirty = ({ dirty, ...record }) => record;

/**
 * One full sync: pushes every dirty record (`pushMax`, the most one push may carry, at a time) and
 * pulls until the server has no more. Resolves with `{signedIn, pending, rejected, pulled}` (pulled:
 * records written to the store, so screens know to redraw); rejects with an ApiError (status 0:
 * offline) when it could not finish.
 */
export async function syncOnce({ store = realStore, fetchImpl, pushMax = limits.pushMax } = {}) {
  const token = (await deviceToken(store)) ?? (await anonymous(store, fetchImpl));
  if (!token) return { signedIn: false, pending: (await store.dirtyCompletions()).length, rejected: 0, pulled: 0 };
  const sent = new Set();
  let pulled = 0;
  const rejected = new Set();
  let cursorReset = false;
  for (;;) {
    const dirty = await store.dirtyCompletions();
    const batch = dirty.filter((r) => !sent.has(r.id)).slice(0, pushMax);
    const cursor = (await store.getMeta('sync:cursor')) ?? null;
    let answer;
    try {
      const body = { cursor, push: batch.map(withoutDirty) };
      answer = await api('/sync', { method: 'POST', body, token, fetchImpl });
    } catch (error) {
      if (error.status === 400 && cursor && !cursorReset) {
        // A cursor the server does not know (another account's, or an old one): start over.
        cursorReset = true;
        await store.setMeta('sync:cursor', null);
        continue;
      }
      if (error.status === 401) {
        // Revoked: sign in again. What is unsynced waits for this account, as at a sign-out.
        await store.setMeta('token', null);
        await store.holdFor?.(await store.getMeta('username'));
      }
      throw error;
    }
    batch.forEach((r) => sent.add(r.id));
    const byId = new Map(batch.map((r) => [r.id, r]));
    // Clean only what was sent as it is now: a record edited during the request stays dirty.
    await store.markClean(answer.accepted.map((id) => ({ id, modified_at: byId.get(id)?.modified_at })));
    answer.rejected.forEach((r) => r.id && rejected.add(r.id));
    await store.storeFromServer(answer.pull);
    pulled += answer.pull.length;
    await store.setMeta('sync:cursor', answer.cursor);
    if (!answer.more && !dirty.some((r) => !sent.has(r.id))) break;
  }
  await store.setMeta('sync:rejected', [...rejected]);
  await store.setMeta('sync:last', new Date().toISOString());
  const pending = (await store.dirtyCompletions()).length;
  return { signedIn: true, pending, rejected: rejected.size, pulled };
}

/**
 * Anonymous first: a device with runs to sync and no account gets one with no username, so its
 * runs are backed up and counted from the first one. Not after a sign-out (`anonymous:off`).
 */
async function anonymous(store, fetchImpl) {
  if ((await store.getMeta('anonymous:off')) || !(await store.dirtyCompletions()).length) return null;
  const body = { timezone: deviceZone(), device_name: guessDeviceName() };
  const { token } = await api('/accounts/anonymous', { method: 'POST', body, token: null, fetchImpl });
  await store.setMeta('token', token);
  await store.setMeta('username', null);
  return token;
}

// ── In a page: when to sync, and telling the screens how it went ──

let running = null;
let again = false;
let attempt = 0;
let retryTimer = null;

function announce(detail) {
  window.dispatchEvent(new CustomEvent('squeeze:sync-state', { detail }));
}

async function askForBackgroundSync() {
  try {
    const registration = await navigator.serviceWorker?.ready;
    await registration?.sync?.register(SYNC_TAG);
  } catch {
    // No Background Sync (Firefox, Safari): the triggers below and the backoff still cover it.
  }
}

async function runExclusive() {
  // One sync at a time across this device's tabs, where the browser can say so.
  const run = () => syncOnce();
  return navigator.locks ? navigator.locks.request('squeeze-sync', run) : run();
}

/** Syncs now (or right after the sync in progress); never rejects. */
export function requestSync() {
  if (running) {
    again = true;
    return running;
  }
  clearTimeout(retryTimer);
  announce({ syncing: true });
  running = runExclusive()
    .then((result) => {
      attempt = 0;
      announce({ syncing: false, ...result });
      return result;
    })
    .catch(async (error) => {
      const pending = (await realStore.dirtyCompletions().catch(() => [])).length;
      const signedOut = error.status === 401;
      announce({ syncing: false, failed: true, offline: error.status === 0, signedIn: !signedOut, pending });
      if (signedOut) return null;
      if (error.status === 0) askForBackgroundSync();
      retryTimer = setTimeout(requestSync, backoffDelay(attempt++));
      return null;
    })
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        requestSync();
      }
    });
  return running;
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  window.addEventListener('online', () => {
    attempt = 0;
    requestSync();
  });
  window.addEventListener('squeeze:completion-saved', () => requestSync());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') requestSync();
  });
  // The service worker's Background Sync hands the work to an open page.
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (event.data?.type === SYNC_TAG) requestSync();
  });
  requestSync();
}
