import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ApiError, api } from '../../app/static/js/lib/api.js';

/** A fetch that records its requests and answers `status` with `body` (a string: not JSON). */
function server(status, body) {
  const requests = [];
  const fetchImpl = async (url, init) => {
    requests.push({ url, ...init });
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
    };
  };
  return { requests, fetchImpl };
}

test('a request goes to /api/v1 as JSON with the bearer token and answers the parsed JSON', async () => {
  const { requests, fetchImpl } = server(200, { ok: 1 });
  const answer = await api('/account', { method: 'PATCH', body: { daily_goal: 2 }, token: 'tok', fetchImpl });
  assert.deepEqual(answer, { ok: 1 });
  assert.equal(requests[0].url, '/api/v1/account');
  assert.equal(requests[0].method, 'PATCH');
  assert.deepEqual(requests[0].headers, { 'Content-Type': 'application/json', Authorization: 'Bearer tok' });
  assert.equal(requests[0].body, '{"daily_goal":2}');
});

test('a request with token null, or without a device store, carries no Authorization', async () => {
  const { requests, fetchImpl } = server(204);
  assert.equal(await api('/tokens/1', { method: 'DELETE', token: null, fetchImpl }), null);
  await api('/phase', { fetchImpl }); // under node there is no IndexedDB, so no token
  assert.deepEqual(requests.map((r) => r.headers), [{}, {}]);
});

test('a problem answer rejects with its status, title, detail and errors', async () => {
  const problem = { type: 'about:blank', title: 'Invalid', status: 422, detail: 'Check the steps.', errors: [{ field: 'steps.0.reps', detail: 'too many' }] };
  const { fetchImpl } = server(422, problem);
  const error = await api('/routines', { method: 'POST', body: {}, token: 't', fetchImpl }).catch((e) => e);
  assert.ok(error instanceof ApiError);
  assert.deepEqual([error.status, error.title, error.detail, error.errors], [422, 'Invalid', 'Check the steps.', problem.errors]);
  assert.equal(error.message, 'Check the steps.');
});

test('an answer that is not JSON says which status came back', async () => {
  const { fetchImpl } = server(502, '<html>Bad gateway</html>');
  const error = await api('/stats', { token: 't', fetchImpl }).catch((e) => e);
  assert.deepEqual([error.status, error.message, error.errors], [502, 'The server answered 502.', []]);
});

test('no answer at all (offline) rejects with status 0 and the network’s reason', async () => {
  const offline = async () => {
    throw new TypeError('Failed to fetch');
  };
  const error = await api('/sync', { method: 'POST', body: {}, token: 't', fetchImpl: offline }).catch((e) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 0);
  assert.equal(error.message, 'Failed to fetch');
});
