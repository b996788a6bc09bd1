// Signing this device in and out. No DOM: the account and devices screens call these.
import { allCompletions, clearDevice, dirtyCompletions, getMeta, holdFor, release, setMeta } from './store.js';
import { api, deviceToken } from '../lib/api.js';
import { deviceZone } from '../lib/dates.js';
import { requestSync } from './sync.js';
import { guessDeviceName } from '../lib/device-name.js';

async function start(username, token) {
  await setMeta('anonymous:off', null);
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

/**
 * Signs in to an existing account. When this device holds an account with no username, `choose(n)`
 * is asked whether to move its n runs into the one signed in to (true) or leave them (false).
 */
export async function signIn(username, password, choose = async () => false) {
  const body = { username, password, device_name: guessDeviceName() };
  const { token } = await api('/tokens', { method: 'POST', body, token: null });
  const mine = await deviceToken();
  if (mine && !(await getMeta('username'))) {
    const runs = (await allCompletions()).filter((r) => !r.deleted).length;
    if (runs && (await choose(runs))) {
      await requestSync(); // what is still in the outbox goes up to the anonymous account first
      await api('/account/merge', { method: 'POST', body: { token: mine }, token });
    } else {
      await clearDevice(); // they stay in the account they were made in, not mixed into this one
    }
  }
  return start(username.toLowerCase(), token);
}

/** `{username, anonymous}` of the account this device is signed in to, or null. */
export async function signedIn() {
  if (!(await deviceToken())) return null;
  const username = await getMeta('username');
  return { username, anonymous: !username };
}

export const signedInAs = async () => ((await deviceToken()) ? getMeta('username') : null);

/** "Keep your history": a username and password for this device's anonymous account. */
export async function keepHistory(username, password) {
  const answer = await api('/account/credentials', { method: 'POST', body: { username, password } });
  await setMeta('username', answer.account.username);
  return answer.recovery_code;
}

/** A forgotten password, reset with the recovery code; signs this device in. */
export async function recover(username, code, password) {
  const body = { username, recovery_code: code, new_password: password, device_name: guessDeviceName() };
  const answer = await api('/account/recover', { method: 'POST', body, token: null });
  await start(username.toLowerCase(), answer.token);
  return answer.recovery_code;
}

export const changePassword = (current, next) =>
  api('/account/password', { method: 'POST', body: { current_password: current, new_password: next } });

/** Deletes the account and everything in it, then forgets it on this device. */
export async function deleteAccount() {
  await api('/account', { method: 'DELETE' });
  await clearDevice();
  await setMeta('anonymous:off', true);
}

export const unsyncedCount = async () => (await dirtyCompletions()).length;

/**
 * Signs this device out: revokes its token when the server can be reached, then forgets it.
 * Runs not synced yet stay in the store and go up with the next sign-in.
 */
export async function signOut({ clear = false } = {}) {
  try {
    const mine = (await api('/tokens')).items.find((t) => t.current);
    if (mine) await api(`/tokens/${mine.id}`, { method: 'DELETE' });
  } catch {
    // Offline or already revoked: forgetting it here is enough; it can be revoked from another device.
  }
  if (clear) await clearDevice();
  await setMeta('anonymous:off', true); // no new anonymous account until someone signs in again
  await setMeta('token', null);
  await setMeta('sync:cursor', null);
  if (clear) return;
  // Unsynced runs stay on the device but belong to this account, not to whoever signs in next.
  const who = await getMeta('username');
  if (who) await holdFor(who);
}
