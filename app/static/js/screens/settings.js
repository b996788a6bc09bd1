// The settings screen: the account's zone, reminder times, daily goal and phase, the calendar
// subscription, and export/import. Everything goes through /api/v1/account and friends.
import { requestSync } from '../device/sync.js';
import { api, deviceToken } from '../lib/api.js';
import { deviceZone } from '../lib/dates.js';
import { $, el } from '../lib/dom.js';

const FIELDS = ['timezone', 'morning_time', 'evening_time', 'daily_goal', 'phase'];

function say(text) {
  $('settings-status').textContent = text;
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
  if (!(await deviceToken())) {
    say('You are not signed in.');
    $('settings-signin').hidden = false;
    return;
  }
  try {
    const hint = show(await api('/account'));
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
    show(await api('/account', { method: 'PATCH', body }));
    say('Saved.');
  } catch (error) {
    say('Not saved: ' + error.message);
  }
}

async function rotate() {
  try {
    show(await api('/account/reminders-key', { method: 'POST' }));
    say('A new calendar address is ready; the old one no longer works. Subscribe again with the new one.');
  } catch (error) {
    say('No new address was made: ' + error.message);
  }
}

async function download(kind) {
  try {
    const blob = await api('/export.' + kind, { as: 'blob' });
    const link = el('a', '', { href: URL.createObjectURL(blob), download: `squeeze-runs.${kind}` });
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    say('The download failed: ' + error.message);
  }
}

async function restore() {
  const input = $('import-file');
  const file = input.files[0];
  if (!file) return;
  say(`Importing ${file.name}…`);
  try {
    // The whole file in one request: the server checks it is an export and names what is wrong.
    const answer = await api('/import', { method: 'POST', body: await file.text() });
    const refused = answer.refused ? `, ${answer.refused} refused` : '';
    say(`Imported ${file.name}: ${answer.created} new, ${answer.updated} updated, ${answer.unchanged} unchanged${refused}.`);
    requestSync(); // this device pulls what came in
  } catch (error) {
    say(error.status === 0 ? 'You are offline; importing needs a connection.' : `Not imported: ${error.detail ?? error.message}`);
  } finally {
    input.value = ''; // picking the same file again imports it again
  }
}

$('settings-form').addEventListener('submit', save);
$('rotate-key').addEventListener('click', rotate);
$('export-csv').addEventListener('click', () => download('csv'));
$('export-json').addEventListener('click', () => download('json'));
$('import-file').addEventListener('change', restore);
load();
