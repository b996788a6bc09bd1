// The device store: completions (API.md records plus `dirty`) and a tiny key/value meta store,
// in IndexedDB behind a promise API.

import { localIso } from '../lib/dates.js';

const DB_NAME = 'squeeze';
const COMPLETIONS = 'completions';
const META = 'meta';
// Version n is what the first n steps made: opening runs only the steps the database lacks.
const UPGRADES = [
  (db) => {
    db.createObjectStore(COMPLETIONS, { keyPath: 'id' }).createIndex('dirty', 'dirty');
    db.createObjectStore(META);
  },
];
let opening = null;

function db() {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, UPGRADES.length);
    req.onupgradeneeded = (e) => UPGRADES.slice(e.oldVersion).forEach((step) => step(req.result, req.transaction));
    // A tab of an older version holds on to the database: the upgrade goes on once it closes.
    req.onblocked = () => console.warn('Close Squeeze in your other tabs to finish its update.');
    req.onsuccess = () => {
      // Another tab upgrading the schema must not be blocked by us.
      req.result.onversionchange = () => {
        req.result.close();
        opening = null;
      };
      resolve(req.result);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

/** Runs `work(stores)` in one transaction; resolves with its result once the transaction commits. */
async function tx(names, mode, work) {
  const t = (await db()).transaction(names, mode);
  const stores = names.map((n) => t.objectStore(n));
  let result;
  const settled = new Promise((resolve, reject) => {
    t.oncomplete = () => resolve(result);
    t.onerror = t.onabort = () => reject(t.error);
  });
  result = await work(...stores);
  return settled;
}

const req = (r) =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * Saves a completion changed on this device: dirty=1 and `modified_at` now, unless
 * `{ dirty: 0 }` or `{ touch: false }` says otherwise. Announces it with `squeeze:completion-saved`.
 */
export async function putCompletion(record, { dirty = 1, touch = true } = {}) {
  const saved = await tx([COMPLETIONS], 'readwrite', async (s) => {
    const stored = touch ? await req(s.get(record.id)) : undefined;
    // Times are kept to the second and a tie keeps what is stored (here and on the server):
    // an edit must be later than the version it replaces, or a sync in flight would win over it.
    const at = Math.max(Date.now(), stored ? Date.parse(stored.modified_at) + 1000 : 0);
    const next = { ...record, dirty, ...(touch ? { modified_at: localIso(at) } : {}) };
    s.put(next);
    return next;
  });
  window.dispatchEvent(new CustomEvent('squeeze:completion-saved', { detail: saved }));
  return saved;
}

/** Forgets a run that never left this device (one discarded at the finish). */
export const removeCompletion = (id) => tx([COMPLETIONS], 'readwrite', (s) => void s.delete(id));

export const getCompletion = (id) => tx([COMPLETIONS], 'readonly', (s) => req(s.get(id)));

export const allCompletions = () => tx([COMPLETIONS], 'readonly', (s) => req(s.getAll()));

export const dirtyCompletions = () =>
  tx([COMPLETIONS], 'readonly', (s) => req(s.index('dirty').getAll(1)));

/**
 * Marks records accepted by the server. Pass ids, or `{id, modified_at}` to clean a record only if
 * it was not changed again since it was sent.
 */
export function markClean(ids) {
  return tx([COMPLETIONS], 'readwrite', async (s) => {
    for (const item of ids) {
      const id = typeof item === 'string' ? item : item.id;
      const rec = await req(s.get(id));
      if (!rec || (typeof item !== 'string' && rec.modified_at !== item.modified_at)) continue;
      s.put({ ...rec, dirty: 0 });
    }
  });
}

/** Writes records pulled from the server, never over a record that is dirty here. */
export function storeFromServer(records) {
  return tx([COMPLETIONS], 'readwrite', async (s) => {
    for (const rec of records) {
      const mine = await req(s.get(rec.id));
      if (mine?.dirty) continue;
      s.put({ ...rec, dirty: 0 });
    }
  });
}

/**
 * Holds the unsynced runs for `username` as it signs out (dirty=2): they are not pushed while
 * someone else is signed in here, and go back in the outbox when that account signs in again.
 */
export const holdFor = (username) =>
  username && regroup(1, 2, () => true, (r) => ({ ...r, held_for: username }));

/** Puts the runs held for `username` back in the outbox (dirty=1). */
export const release = (username) =>
  regroup(2, 1, (r) => r.held_for === username, ({ held_for, ...r }) => r);

const regroup = (from, to, pick, change) =>
  tx([COMPLETIONS], 'readwrite', async (s) => {
    for (const r of await req(s.index('dirty').getAll(from))) if (pick(r)) s.put({ ...change(r), dirty: to });
  });

/** Forgets every run and setting kept on this device (a shared device after signing out). */
export const clearDevice = () => tx([COMPLETIONS, META], 'readwrite', (c, m) => void (c.clear(), m.clear()));

export const getMeta = (key) => tx([META], 'readonly', (s) => req(s.get(key)));

export const setMeta = (key, value) => tx([META], 'readwrite', (s) => void s.put(value, key));
