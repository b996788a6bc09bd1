// The account screen: keep the history of this device's anonymous account, sign in and out, and
// look after the account (password, recovery code, leaving). Signing out asks first when runs are
// not synced, and offers to clear the device.
import {
  changePassword, deleteAccount, keepHistory, recover, signIn, signOut, signUp, signedIn, unsyncedCount,
} from '../device/session.js';
import { getMeta } from '../device/store.js';
import { requestSync } from '../device/sync.js';
import { ApiError } from '../lib/api.js';
import { $ } from '../lib/dom.js';

const plural = (n) => `${n} ${n === 1 ? 'run' : 'runs'}`;
let anonymous = false;

function say(text) {
  $('account-status').textContent = text;
}

function explain(error, action) {
  if (error.status === 0) return `You are offline; ${action} needs a connection. Your runs are safe on this device.`;
  if (error.status === 401) return action === 'resetting your password'
    ? 'That username and recovery code do not match.'
    : 'That username and password do not match an account.';
  if (error.status === 403) return 'The current password is not right.';
  if (error.status === 409) return 'That username is taken; pick another one.';
  if (error.status === 429) {
    const minutes = Math.max(1, Math.ceil(Number(error.detail?.match(/(\d+) seconds/)?.[1] ?? 60) / 60));
    return `Too many tries. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`;
  }
  if (error.status === 422) {
    const fields = error.errors.map((e) => e.field).join(', ');
    return `Please check: ${fields || 'the form'}.`;
  }
  return error.message;
}

async function show() {
  const state = await signedIn();
  const named = Boolean(state?.username);
  anonymous = Boolean(state?.anonymous);
  $('signed-in').hidden = !named;
  $('signed-out').hidden = named;
  $('anonymous').hidden = !anonymous;
  $('no-account-text').hidden = anonymous;
  $('sign-up-title').textContent = anonymous ? 'Keep your history' : 'New here? Create an account';
  $('sign-up-form').querySelector('button').textContent = anonymous ? 'Keep my history' : 'Create account';
  $('sign-in-title').textContent = anonymous ? 'Sign in to an account you already have' : 'Sign in';
  if (named) $('who').textContent = state.username;
  else {
    // Read the field again after the await: the person may have typed in the meantime.
    const remembered = await getMeta('username');
    if (remembered && !$('in-username').value) $('in-username').value = remembered;
  }
  return state;
}

async function welcome(who, result) {
  await show();
  const left = result?.pending ?? (await unsyncedCount());
  say(`Signed in as ${who}.` + (left ? ` ${plural(left)} still waiting to sync.` : ' Everything on this device is synced.'));
  $('sign-out').focus();
}

function showRecoveryCode(code) {
  $('recovery-code').textContent = code;
  $('recovery').hidden = false;
  $('recovery-title').focus();
}

/** Asks whether to move this device's `count` runs into the account signed in to. */
function chooseMove(count, username) {
  $('move-text').textContent = `This device has ${plural(count)} of its own. Move ${count === 1 ? 'it' : 'them'} into ${username}’s history, or leave ${count === 1 ? 'it' : 'them'} out?`;
  $('move-confirm').hidden = false;
  $('move-yes').focus();
  return new Promise((resolve) => {
    const answer = (move) => () => {
      $('move-confirm').hidden = true;
      resolve(move);
    };
    $('move-yes').onclick = answer(true);
    $('move-no').onclick = answer(false);
  });
}

function submitting(form, action, work) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = false; // off in the HTML until this handler is in place
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    say(`${action[0].toUpperCase()}${action.slice(1)}…`);
    try {
      await work(form.elements);
      form.reset();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      say(explain(error, action));
    } finally {
      button.disabled = false;
    }
  });
}

const fields = (f) => [f.username.value.trim(), f.password.value];

submitting($('sign-in-form'), 'signing in', async (f) => {
  const [username, password] = fields(f);
  const result = await signIn(username, password, (count) => chooseMove(count, username.toLowerCase()));
  await welcome(username.toLowerCase(), result);
});
submitting($('sign-up-form'), 'saving your account', async (f) => {
  const [username, password] = fields(f);
  if (!anonymous) return welcome(username.toLowerCase(), await signUp(username, password));
  const code = await keepHistory(username, password);
  await show();
  say(`Your history is kept as ${username.toLowerCase()}. Sign in with it on your other devices.`);
  showRecoveryCode(code);
});
submitting($('recover-form'), 'resetting your password', async (f) => {
  const username = f.username.value.trim();
  const code = await recover(username, f.code.value.trim(), f.password.value);
  await show();
  say(`Password changed; signed in as ${username.toLowerCase()}. Your other devices were signed out.`);
  showRecoveryCode(code);
});
submitting($('password-form'), 'changing your password', async (f) => {
  const { revoked } = await changePassword(f.current.value, f.password.value);
  say(`Password changed. ${revoked ? `${revoked} other ${revoked === 1 ? 'device was' : 'devices were'} signed out.` : ''}`.trim());
});

async function finishSignOut() {
  const clear = $('sign-out-clear').checked;
  await signOut({ clear });
  $('sign-out-confirm').hidden = true;
  await show();
  const left = await unsyncedCount();
  say('Signed out on this device.' + (clear ? ' Its runs and settings are cleared.' : left ? ` ${plural(left)} stay here and go up when you sign in again.` : ''));
  $('in-username').focus();
}

async function startSignOut() {
  say('Syncing before signing out…');
  await requestSync();
  const left = await unsyncedCount();
  say('');
  $('confirm-text').textContent = left
    ? `${plural(left)} from this device ${left === 1 ? 'is' : 'are'} not synced yet. If you sign out now and keep ${left === 1 ? 'it' : 'them'}, ${left === 1 ? 'it goes' : 'they go'} up when you next sign in. Sign out anyway?`
    : 'Everything is synced. Sign out on this device?';
  $('sign-out-anyway').textContent = left ? 'Sign out, keep them here' : 'Sign out';
  $('sign-out-clear').checked = false;
  $('sign-out-confirm').hidden = false;
  $('sign-out-cancel').focus();
}

$('sign-out').addEventListener('click', startSignOut);
$('sign-out-anyway').addEventListener('click', finishSignOut);
$('sign-out-cancel').addEventListener('click', () => {
  $('sign-out-confirm').hidden = true;
  $('sign-out').focus();
});
$('recovery-done').addEventListener('click', () => {
  $('recovery').hidden = true;
  $('recovery-code').textContent = '';
});
$('delete-start').addEventListener('click', () => {
  $('delete-confirm').hidden = false;
  $('delete-no').focus();
});
$('delete-no').addEventListener('click', () => {
  $('delete-confirm').hidden = true;
  $('delete-start').focus();
});
$('delete-yes').addEventListener('click', async () => {
  try {
    await deleteAccount();
    await show();
    say('Your account and everything in it are deleted.');
  } catch (error) {
    say(error instanceof ApiError ? `Not deleted: ${explain(error, 'deleting')}` : String(error));
  }
});
// After each sync: the token may have been revoked elsewhere, or an anonymous account just made.
window.addEventListener('squeeze:sync-state', (event) => event.detail.syncing || show());
show().then(async (state) => {
  const left = state ? await unsyncedCount() : 0;
  if (left) say(`${plural(left)} waiting to sync.`);
});
