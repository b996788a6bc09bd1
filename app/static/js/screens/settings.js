// The settings screen: the account's zone, reminder times, daily goal and phase, the calendar
// subscription, and export/import. Everything goes through /api/v1/account and friends.
import { getMeta } from '../device/store.js';
import { deviceZone } from '../lib/dates.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['timezone', 'morning_time', 'evening_time', 'daily_goal', 'phase'];
let token = null;

function say(text) {
  $('settings-status').textContent = text;
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { Authorization: 'Bearer ' + token, ...(options.headers ?? {}) } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? `The server answered ${response.status}.`);
  }
  return response;
}

function show(account) {
  for (const name of FIELDS) $(name).value = String(account[name]);
  $('feed-url').value = account.reminders_url;
  $('webcal-link').href = account.reminders_url.replace(/^https?:/, 'webcal:');
  // A new account starts on UTC; offer this device's zone until one is chosen.
  if (account.timezone !== 'UTC' || deviceZone() === 'UTC') return '';
  $('timezone').value = deviceZone();
  return 'This device’s time zone is filled in: save to use it.';
}

async function load() {
  $('device-zone').textContent = deviceZone();
  $('zones').replaceChildren(...(Intl.supportedValuesOf?.('timeZone') ?? []).map((z) => new Option(z)));
  token = await getMeta('token');
  if (!token) {
    say('You are not signed in.');
    $('settings-signin').hidden = false;
    return;
  }
  try {
    const hint = show(await (await api('/api/v1/account')).json());
    for (const id of ['settings-form', 'calendar', 'data']) $(id).hidden = false;
    say(hint || ($('timezone').value === deviceZone() ? '' : 'Check the time zone: it differs from this device’s.'));
  } catch (error) {
    say('Your settings could not be loaded: ' + error.message);
  }
}

async function save(event) {
  event.preventDefault();
  const body = Object.fromEntries(FIELDS.map((name) => [name, $(name).value]));
  body.daily_goal = Number(body.daily_goal);
  body.phase = Number(body.phase);
  try {
    show(await (await api('/api/v1/account', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json());
    say('Saved.');
  } catch (error) {
    say('Not saved: ' + error.message);
  }
}

async function rotate() {
  try {
    show(await (await api('/api/v1/account/reminders-key', { method: 'POST' })).json());
    say('A new calendar address is ready; the old one no longer works. Subscribe again with the new one.');
  } catch (error) {
    say('No new address was made: ' + error.message);
  }
}

async function download(kind) {
  try {
    const blob = await (await api('/api/v1/export.' + kind)).blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `squeeze-runs.${kind}`;
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    say('The download failed: ' + error.message);
  }
}

async function restore() {
  const file = $('import-file').files[0];
  if (!file) return;
  const total = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  try {
    const runs = JSON.parse(await file.text()).completions ?? [];
    // In parts, so a long history stays under the server's 1 MiB body limit.
    for (let i = 0; i < runs.length; i += 1000) {
      const body = JSON.stringify({ completions: runs.slice(i, i + 1000) });
      const part = await (await api('/api/v1/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).json();
      for (const key of ['created', 'updated', 'unchanged']) total[key] += part[key];
      total.refused += part.rejected.length;
    }
    say(`Imported: ${total.created} new, ${total.updated} updated, ${total.unchanged} already here, ${total.refused} refused.`);
  } catch (error) {
    say(`The import stopped (${total.created} new so far): ${error.message}`);
  }
}

$('settings-form').addEventListener('submit', save);
$('rotate-key').addEventListener('click', rotate);
$('export-csv').addEventListener('click', () => download('csv'));
$('export-json').addEventListener('click', () => download('json'));
$('import-file').addEventListener('change', restore);
load();
