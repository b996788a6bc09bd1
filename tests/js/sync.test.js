import assert from 'node:assert/strict';
import { test } from 'node:test';

import { backoffDelay, syncOnce as realSyncOnce } from '../../app/static/js/device/sync.js';

// The server's limit, which pages carry in #squeeze-limits (lib/limits.js has none under node).
const PUSH_MAX = 500;
const syncOnce = (options) => realSyncOnce({ pushMax: PUSH_MAX, ...options });

/** The store's promise API over a Map, as store.js keeps it in IndexedDB. */
function memoryStore(records = [], meta = {}) {
  const rows = new Map(records.map((r) => [r.id, { ...r }]));
  const kv = new Map(Object.entries(meta));
  return {
    rows,
    kv,
    getMeta: async (k) => kv.get(k),
    setMeta: async (k, v) => void kv.set(k, v),
    dirtyCompletions: async () => [...rows.values()].filter((r) => r.dirty === 1).map((r) => ({ ...r })),
    markClean: async (items) => {
      for (const { id, modified_at } of items) {
        const r = rows.get(id);
        if (r && r.modified_at === modified_at) r.dirty = 0;
      }
    },
    storeFromServer: async (records) => {
      for (const r of records) if (rows.get(r.id)?.dirty !== 1) rows.set(r.id, { ...r, dirty: 0 });
    },
  };
}

const withoutSeq = ({ seq, ...record }) => record;

/**
 * A server that merges records by id as app/domain/merge.py does (the later `modified_at` wins, a
 * tie keeps the stored one) and answers like /api/v1/sync (pages of `page`): a device whose push
 * lost gets the stored winner in its pull.
 */
function fakeServer({ page = 500, reject = () => false, failFirst = null } = {}) {
  const kept = new Map();
  let seq = 0;
  const calls = [];
  const answer = (status, body) => ({ ok: status === 200, status, json: async () => body });
  const fetchImpl = async (url, init) => {
    const body = JSON.parse(init.body);
    calls.push(body);
    if (failFirst && calls.length === 1) return answer(failFirst, {});
    if (body.push.length > PUSH_MAX) return answer(422, { status: 422, errors: [{ field: 'push' }] });
    const accepted = [];
    const rejected = [];
    const stale = new Map();
    for (const r of body.push) {
      if (reject(r)) {
        rejected.push({ id: r.id, problem: { status: 422 } });
        continue;
      }
      accepted.push(r.id);
      const stored = kept.get(r.id);
      if (!stored || Date.parse(r.modified_at) > Date.parse(stored.modified_at)) kept.set(r.id, { ...r, seq: ++seq });
      else if (JSON.stringify(withoutSeq(stored)) !== JSON.stringify(r)) stale.set(r.id, stored);
    }
    const since = body.cursor ? Number(body.cursor) : 0;
    const changed = [...kept.values()].filter((r) => r.seq > since).sort((a, b) => a.seq - b.seq);
    const pull = changed.slice(0, page);
    for (const r of pull) stale.delete(r.id);
    const cursor = String(pull.length ? pull.at(-1).seq : since);
    const more = changed.length > page;
    return answer(200, { cursor, pull: [...pull, ...stale.values()].map(withoutSeq), accepted, rejected, more });
  };
  return { kept, calls, fetchImpl };
}

const run = (i) => ({ id: `id-${i}`, modified_at: `2026-11-22T07:00:${String(i % 60).padStart(2, '0')}+01:00`, dirty: 1 });

test('backoff doubles, is capped at five minutes, and is jittered into [half, whole]', () => {
  assert.equal(backoffDelay(0, () => 1), 2000);
  assert.equal(backoffDelay(0, () => 0), 1000);
  assert.equal(backoffDelay(3, () => 1), 16000);
  assert.equal(backoffDelay(30, () => 1), 300000);
  assert.equal(backoffDelay(30, () => 0), 150000);
});

test('signed out on purpose, nothing is sent and the runs wait on the device', async () => {
  const store = memoryStore([run(1), run(2)], { 'anonymous:off': true });
  const server = fakeServer();
  const result = await syncOnce({ store, fetchImpl: server.fetchImpl });
  assert.deepEqual(result, { signedIn: false, pending: 2, rejected: 0, pulled: 0 });
  assert.equal(server.calls.length, 0);
});

test("1200 dirty runs go up in batches of the server's 500 and every one ends clean", async () => {
  const store = memoryStore(Array.from({ length: 1200 }, (_, i) => run(i)), { token: 't' });
  const server = fakeServer();
  const result = await syncOnce({ store, fetchImpl: server.fetchImpl });
  assert.deepEqual(server.calls.slice(0, 3).map((c) => c.push.length), [500, 500, 200]);
  assert.ok(server.calls.every((c) => c.push.every((r) => !('dirty' in r))));
  assert.equal(server.kept.size, 1200);
  assert.equal(result.pending, 0);
});

test('a rejected run stays dirty without looping forever', async () => {
  const store = memoryStore([run(1), run(2)], { token: 't' });
  const server = fakeServer({ reject: (r) => r.id === 'id-2' });
  const result = await syncOnce({ store, fetchImpl: server.fetchImpl });
  assert.equal(server.calls.length, 1);
  assert.deepEqual(result, { signedIn: true, pending: 1, rejected: 1, pulled: 1 });
  assert.deepEqual(store.kv.get('sync:rejected'), ['id-2']);
});

test('pull follows `more` and stores what other devices wrote', async () => {
  const server = fakeServer({ page: 2 });
  await syncOnce({ store: memoryStore([run(1), run(2), run(3)], { token: 't' }), fetchImpl: server.fetchImpl });
  const other = memoryStore([], { token: 't' });
  await syncOnce({ store: other, fetchImpl: server.fetchImpl });
  assert.deepEqual([...other.rows.keys()].sort(), ['id-1', 'id-2', 'id-3']);
  assert.ok([...other.rows.values()].every((r) => r.dirty === 0));
});

test('an unknown cursor starts over from the beginning once', async () => {
  const store = memoryStore([run(1)], { token: 't', 'sync:cursor': 'stale' });
  const server = fakeServer({ failFirst: 400 });
  await syncOnce({ store, fetchImpl: server.fetchImpl });
  assert.equal(server.calls[1].cursor, null);
  assert.equal(store.rows.get('id-1').dirty, 0);
});

test('a revoked token signs the device out and keeps its runs', async () => {
  const store = memoryStore([run(1)], { token: 't' });
  const server = fakeServer({ failFirst: 401 });
  await assert.rejects(syncOnce({ store, fetchImpl: server.fetchImpl }), (e) => e.status === 401);
  assert.equal(store.kv.get('token'), null);
  assert.equal(store.rows.get('id-1').dirty, 1);
});

test('the network failing rejects with status 0 and leaves everything dirty', async () => {
  const store = memoryStore([run(1)], { token: 't' });
  const offline = async () => {
    throw new TypeError('Failed to fetch');
  };
  await assert.rejects(syncOnce({ store, fetchImpl: offline }), (e) => e.status === 0);
  assert.equal(store.rows.get('id-1').dirty, 1);
});

test('a run edited while its push was in flight stays dirty', async () => {
  const store = memoryStore([run(1)], { token: 't' });
  const server = fakeServer();
  const editing = async (url, init) => {
    const answer = await server.fetchImpl(url, init);
    store.rows.get('id-1').modified_at = '2026-11-22T08:00:00+01:00';
    return answer;
  };
  await syncOnce({ store, fetchImpl: editing });
  assert.equal(store.rows.get('id-1').dirty, 1);
});

test('the newest write wins, whichever device pushes it last', async () => {
  const server = fakeServer();
  const first = { ...run(1), notes: 'first', modified_at: '2026-11-22T07:00:00+01:00' };
  const phone = memoryStore([first], { token: 't' });
  const laptop = memoryStore([], { token: 't' });
  await syncOnce({ store: phone, fetchImpl: server.fetchImpl });
  await syncOnce({ store: laptop, fetchImpl: server.fetchImpl });
  // The laptop edits it at 08:00 (its clock); the phone edits it at 07:30, but pushes after.
  laptop.rows.set('id-1', { ...laptop.rows.get('id-1'), notes: 'laptop', modified_at: '2026-11-22T08:00:00+01:00', dirty: 1 });
  phone.rows.set('id-1', { ...first, notes: 'phone', modified_at: '2026-11-22T06:30:00Z', dirty: 1 });
  await syncOnce({ store: laptop, fetchImpl: server.fetchImpl });
  await syncOnce({ store: phone, fetchImpl: server.fetchImpl });
  assert.equal(server.kept.get('id-1').notes, 'laptop');
  assert.equal(phone.rows.get('id-1').notes, 'laptop'); // the losing device pulls the winner
  assert.equal(phone.rows.get('id-1').dirty, 0);
});

test('a deletion made later wins over an edit pushed after it; a replayed push changes nothing', async () => {
  const server = fakeServer();
  const phone = memoryStore([{ ...run(1), notes: 'sore', modified_at: '2026-11-22T07:00:00+01:00' }], { token: 't' });
  const laptop = memoryStore([], { token: 't' });
  await syncOnce({ store: phone, fetchImpl: server.fetchImpl });
  await syncOnce({ store: laptop, fetchImpl: server.fetchImpl });
  const gone = { ...laptop.rows.get('id-1'), deleted: true, notes: '', modified_at: '2026-11-22T09:00:00+01:00', dirty: 1 };
  laptop.rows.set('id-1', gone);
  phone.rows.set('id-1', { ...phone.rows.get('id-1'), notes: 'better', modified_at: '2026-11-22T08:00:00+01:00', dirty: 1 });
  await syncOnce({ store: laptop, fetchImpl: server.fetchImpl });
  const seqAfterDelete = server.kept.get('id-1').seq;
  await syncOnce({ store: phone, fetchImpl: server.fetchImpl });
  assert.equal(server.kept.get('id-1').deleted, true);
  assert.equal(phone.rows.get('id-1').deleted, true);
  laptop.rows.set('id-1', { ...gone, dirty: 1 }); // the same version again
  await syncOnce({ store: laptop, fetchImpl: server.fetchImpl });
  assert.equal(server.kept.get('id-1').seq, seqAfterDelete);
});

test('a device with runs and no account gets an anonymous one, then syncs with its token', async () => {
  const store = memoryStore([run(1)]);
  const server = fakeServer();
  const seen = [];
  const fetchImpl = async (url, init) => {
    seen.push([url, init.headers.Authorization ?? null]);
    if (url.endsWith('/accounts/anonymous')) return { ok: true, status: 201, json: async () => ({ token: 'anon' }) };
    return server.fetchImpl(url, init);
  };
  const result = await syncOnce({ store, fetchImpl });
  assert.equal(result.signedIn, true);
  assert.equal(result.pending, 0);
  assert.equal(store.kv.get('token'), 'anon');
  assert.deepEqual(seen, [['/api/v1/accounts/anonymous', null], ['/api/v1/sync', 'Bearer anon']]);
});

test('a device with no runs does not make an account', async () => {
  const store = memoryStore([]);
  const server = fakeServer();
  const result = await syncOnce({ store, fetchImpl: server.fetchImpl });
  assert.equal(result.signedIn, false);
  assert.equal(server.calls.length, 0);
});
