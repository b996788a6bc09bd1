// Signing this device in and out. No DOM: the account and devices screens call these.
import { dirtyCompletions, getMeta, holdFor, release, setMeta } from './store.js';
import { api, deviceToken } from '../lib/api.js';
import { deviceZone } from '../lib/dates.js';
import { requestSync } from './sync.js';

/** A name for this device that a person recognises in the devices list. */
export function guessDeviceName(ua = navigator.userAgent) {
  const system = [['Android', /Android/], ['iPhone', /iPhone/], ['iPad', /iPad/], ['Mac', /Macintosh/], ['Windows', /Windows/], ['Linux', /Linux/]]
    .find(([, re]) => re.test(ua))?.[0];
  const browser = [['Edge', /Edg\//], ['Firefox', /Firefox\//], ['Chrome', /Chrom(e|ium)\//], ['Safari', /Safari\//]]
    .find(([, re]) => re.test(ua))?.[0];
  return [browser, system].filter(Boolean).join(' on ') || 'This device';
}

async function start(username, token) {
  await setMeta('token', token);
  await setMeta('username', username);
  await release(username); // runs it left unsynced when it last signed out here
  await setMeta('sync:cursor', null); // a full pull: this account's runs from every device
  // Runs finished before signing in are dirty in the store: this uploads them.
  return requestSync();
}

export async function signUp(username, password) {
  const body = { username, password, timezone: deviceZone(), device_name: guessDeviceName() };
  const answer = await api('/accounts', { method: 'POST', body, token: null });
  return start(answer.account.username, answer.token);
}

export async function signIn(username, password) {
  const body = { username, password, device_name: guessDeviceName() };
  const answer = await api('/tokens', { method: 'POST', body, token: null });
  return start(username.toLowerCase(), answer.token);
}

export const signedInAs = async () => ((await deviceToken()) ? getMeta('username') : null);

export const unsyncedCount = async () => (await dirtyCompletions()).length;

/**
 * Signs this device out: revokes its token when the server can be reached, then forgets it.
 * Runs not synced yet stay in the store and go up with the next sign-in.
 */
export async function signOut() {
  try {
    const mine = (await api('/tokens')).items.find((t) => t.current);
    if (mine) await api(`/tokens/${mine.id}`, { method: 'DELETE' });
  } catch {
    // Offline or already revoked: forgetting it here is enough; it can be revoked from another device.
  }
  await setMeta('token', null);
  await setMeta('sync:cursor', null);
  // Unsynced runs stay on the device but belong to this account, not to whoever signs in next.
  const who = await getMeta('username');
  if (who) await holdFor(who);
}
