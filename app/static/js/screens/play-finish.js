// The finish's words for what happened, and discarding a run: gone from this device, and from the
// server if it went up. Loaded once a run is under way; saving the run does not wait on it.

import { deviceToken } from '../lib/api.js';
import { $ } from '../lib/dom.js';
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

/** The finish screen's words for what happened: all done, or ended early after n of m steps. */
export function drawFinish(completion, ended) {
  const { steps_done: done, steps_total: total } = completion;
  const early = ended && done < total;
  $('finish-title').textContent = early ? 'Run ended early' : done < total ? 'Finished, with steps skipped' : 'Done. Nicely squeezed.';
  $('finish-detail').hidden = done === total;
  $('finish-detail').textContent = `${early ? 'Ended early' : 'Played'}: ${done} of ${total} step${total === 1 ? '' : 's'}`;
  $('keep').textContent = early ? 'Keep' : 'Save';
  $('discard').hidden = !early;
}
