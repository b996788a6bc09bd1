// Routines kept on the device: a person's own routines are fetched with their token, which the
// service worker never caches, so the device keeps the last copy itself and plays it offline.

import { getMeta, setMeta } from './store.js';

const key = (slug) => `routine:${slug}`;

/** Keeps `routine` (an API routine with its timeline) for playing offline; built-ins need not. */
export const keepRoutine = (routine) =>
  routine.builtin ? Promise.resolve() : setMeta(key(routine.slug), routine).catch(() => {});

/**
 * GET /api/v1/routines/{slug} as a Response, or, with no network (or the worker's offline 503),
 * the copy kept on this device; null when there is neither.
 */
export async function fetchRoutine(slug, headers = {}) {
  let res = null;
  try {
    res = await fetch(`/api/v1/routines/${encodeURIComponent(slug)}`, { headers });
  } catch {
    res = null;
  }
  if (res?.ok) await keepRoutine(await res.clone().json());
  if (res && res.status !== 503) return res;
  const kept = await getMeta(key(slug)).catch(() => null);
  return kept ? Response.json(kept) : res;
}
