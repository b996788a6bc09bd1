import assert from 'node:assert/strict';
import { test } from 'node:test';

import { backoffDelay, syncOnce } from '../../app/static/js/device/sync.js';

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

/** A server that keeps records by id and answers like /api/v1/sync (pages of `page`). */
function fakeServer({ page = 500, reject = () => false, failFirst = null } = {}) {
  const kept = new Map();
  let seq = 0;
  const calls = [];
  const fetchImpl = async (url, init) => {
    const body = JSON.parse(init.body);
    calls.push(body);
    if (failFirst && calls.length === 1) return { ok: false, status: failFirst, json: async () => ({}) };
    const accepted = [];
    const rejected = [];
    for (const r of body.push) {
      if (reject(r)) rejected.push({ id: r.id, problem: { status: 422 } });
      else {
        accepted.push(r.id);
        if (!kept.has(r.id)) kept.set(r.id, { ...r, seq: ++seq });
      }
    }
    const since = body.cursor ? Number(body.cursor) : 0;
    const changed = [...kept.values()].filter((r) => r.seq > since).sort((a, b) => a.seq - b.seq);
    const pull = changed.slice(0, page);
    const cursor = String(pull.length ? pull.at(-1).seq : since);
    return { ok: true, status: 200, json: async () => ({ cursor, pull, accepted, rejected, more: changed.length > page }) };
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

test('without a token nothing is sent and the runs wait on the device', async () => {
  const store = memoryStore([run(1), run(2)]);
  const server = fakeServer();
  const result = await syncOnce({ store, fetchImpl: server.fetchImpl });
  assert.deepEqual(result, { signedIn: false, pending: 2, rejected: 0, pulled: 0 });
  assert.equal(server.calls.length, 0);
});

test('1200 dirty runs go up in batches of 500 and every one ends clean', async () => {
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
