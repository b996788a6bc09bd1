// Discarding a run at the finish: gone from this device, and from the server if it went up.

import { deviceToken } from '../lib/api.js';
import { getCompletion, putCompletion, removeCompletion } from '../device/store.js';

/**
 * A run that may be on the server (it went up, or this device is signed in and is sending it)
 * becomes a tombstone the outbox carries up, offline too; one that never left is forgotten here.
 */
export async function discardRun(id) {
  const record = await getCompletion(id);
  if (!record) return;
  if (record.dirty === 0 || (await deviceToken())) await putCompletion({ ...record, deleted: true });
  else await removeCompletion(id);
}
