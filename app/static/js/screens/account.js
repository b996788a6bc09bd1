// The account screen: sign up, sign in, and sign out (which asks first when runs are not synced).
import { signIn, signOut, signUp, signedInAs, unsyncedCount } from '../device/session.js';
import { getMeta } from '../device/store.js';
import { requestSync } from '../device/sync.js';
import { ApiError } from '../lib/api.js';
import { $ } from '../lib/dom.js';

const plural = (n) => `${n} ${n === 1 ? 'run' : 'runs'}`;

function say(text) {
  $('account-status').textContent = text;
}

function explain(error, action) {
  if (error.status === 0) return `You are offline; ${action} needs a connection. Your runs are safe on this device.`;
  if (error.status === 401) return 'That username and password do not match an account.';
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
  const who = await signedInAs();
  $('signed-in').hidden = !who;
  $('signed-out').hidden = Boolean(who);
  $('sign-out-confirm').hidden = true;
  if (who) $('who').textContent = who;
  else {
    // Read the field again after the await: the person may have typed in the meantime.
    const remembered = await getMeta('username');
    if (remembered && !$('in-username').value) $('in-username').value = remembered;
  }
  return who;
}

async function welcome(who, result) {
  await show();
  const left = result?.pending ?? (await unsyncedCount());
  say(`Signed in as ${who}.` + (left ? ` ${plural(left)} still waiting to sync.` : ' Everything on this device is synced.'));
  $('sign-out').focus();
}

function submitting(form, action, work) {
  form.querySelector('button').disabled = false; // off in the HTML until this handler is in place
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    say(`${action[0].toUpperCase()}${action.slice(1)}…`);
    try {
      const username = form.elements.username.value.trim();
      const result = await work(username, form.elements.password.value);
      form.reset();
      await welcome(username.toLowerCase(), result);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      say(explain(error, action));
    } finally {
      button.disabled = false;
    }
  });
}

async function finishSignOut() {
  await signOut();
  await show();
  const left = await unsyncedCount();
  say('Signed out on this device.' + (left ? ` ${plural(left)} stay here and go up when you sign in again.` : ''));
  $('in-username').focus();
}

async function startSignOut() {
  say('Syncing before signing out…');
  await requestSync();
  const left = await unsyncedCount();
  if (!left) return finishSignOut();
  say('');
  $('confirm-text').textContent = `${plural(left)} from this device ${left === 1 ? 'is' : 'are'} not synced yet. If you sign out now, ${left === 1 ? 'it stays' : 'they stay'} on this device and ${left === 1 ? 'goes' : 'go'} up when you next sign in. Sign out anyway?`;
  $('sign-out-confirm').hidden = false;
  $('sign-out-cancel').focus();
}

submitting($('sign-in-form'), 'signing in', signIn);
submitting($('sign-up-form'), 'creating your account', signUp);
$('sign-out').addEventListener('click', startSignOut);
$('sign-out-anyway').addEventListener('click', finishSignOut);
$('sign-out-cancel').addEventListener('click', () => {
  $('sign-out-confirm').hidden = true;
  $('sign-out').focus();
});
window.addEventListener('squeeze:sync-state', (event) => {
  if (event.detail.signedIn === false && event.detail.failed) show(); // the token was revoked elsewhere
});
show().then(async (who) => {
  const left = who ? await unsyncedCount() : 0;
  if (left) say(`${plural(left)} waiting to sync.`);
});
