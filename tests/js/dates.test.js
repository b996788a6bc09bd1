import assert from 'node:assert/strict';
import { test } from 'node:test';

import { localIso } from '../../app/static/js/lib/dates.js';

test('times carry the device offset', () => {
  process.env.TZ = 'Europe/Berlin';
  assert.equal(localIso(Date.UTC(2026, 10, 22, 6, 2, 11)), '2026-11-22T07:02:11+01:00');
  assert.equal(localIso(Date.UTC(2026, 6, 1, 6, 2, 11)), '2026-07-01T08:02:11+02:00');
});
