// Routines kept on the device: a person's own routines are fetched with their token, which the
// service worker never caches, so the device keeps the last copy itself and plays it offline.

import { api } from '../lib/api.js';
import { getMeta, setMeta } from './store.js';

const key = (slug) => `routine:${slug}`;

/** Keeps `routine` (an API routine with its timeline) for playing offline; built-ins need not. */
export const keepRoutine = (routine) =>
  routine.builtin ? Promise.resolve() : setMeta(key(routine.slug), routine).catch(() => {});

/**
 * GET /api/v1/routines/{slug}, or, with no network (or the worker's offline 503), the copy kept on
 * this device; rejects with the ApiError when there is neither.
 */
export async function fetchRoutine(slug) {
  try {
    const routine = await api(`/routines/${encodeURIComponent(slug)}`);
    await keepRoutine(routine);
    return routine;
  } catch (error) {
    const kept = error.status && error.status !== 503 ? null : await getMeta(key(slug)).catch(() => null);
    if (kept) return kept;
    throw error;
  }
}
