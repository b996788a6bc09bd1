// The devices screen: every signed-in device of the account, when it was added and last used; each
// can be renamed or revoked, and all the others revoked at once.
import { signOut } from '../device/session.js';
import { api, deviceToken } from '../lib/api.js';
import { $, el } from '../lib/dom.js';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function say(text) {
  $('devices-status').textContent = text;
}

const failed = (error, what) =>
  error.status === 0 ? 'You are offline; try again with a connection.' : `${what}: ${error.detail ?? error.message}`;

function item(device) {
  const li = el('li', '', { className: 'card' });
  const name = el('h2', device.device_name + (device.current ? ' (this device)' : ''));
  const used = device.last_used_at ? `, last used ${day.format(new Date(device.last_used_at))}` : '';
  const meta = el('p', `Added ${day.format(new Date(device.created_at))}${used}`, { className: 'meta' });
  const rename = el('form', '', { className: 'rename' });
  const field = el('input', '', { name: 'device_name', value: device.device_name, required: true, id: `name-${device.id}` });
  const label = el('label', 'Name', { htmlFor: field.id });
  const save = el('button', 'Rename', { type: 'submit', className: 'button quiet' });
  save.setAttribute('aria-label', `Rename ${device.device_name}`);
  rename.append(label, field, save);
  rename.addEventListener('submit', (event) => {
    event.preventDefault();
    renameDevice(device, field.value.trim(), name);
  });
  const button = el('button', device.current ? 'Sign out here' : 'Revoke', { type: 'button', className: 'button quiet' });
  button.setAttribute('aria-label', `${device.current ? 'Sign out on' : 'Revoke'} ${device.device_name}`);
  button.addEventListener('click', () => revoke(device, li));
  li.append(name, meta, rename, button);
  return li;
}

async function renameDevice(device, value, heading) {
  if (!value) return;
  try {
    const saved = await api(`/tokens/${device.id}`, { method: 'PATCH', body: { device_name: value } });
    device.device_name = saved.device_name;
    heading.textContent = saved.device_name + (device.current ? ' (this device)' : '');
    say(`Renamed to ${saved.device_name}.`);
  } catch (error) {
    say(failed(error, 'Not renamed'));
  }
}

async function revoke(device, li) {
  if (device.current) {
    location.href = '/account'; // it asks about unsynced runs and clearing this device first
    return;
  }
  try {
    await api(`/tokens/${device.id}`, { method: 'DELETE' });
    li.remove();
    say(`${device.device_name} is signed out and can no longer sync.`);
    $('devices').querySelector('button')?.focus();
  } catch (error) {
    say(failed(error, 'Not revoked'));
  }
}

async function revokeOthers() {
  try {
    const { revoked } = await api('/tokens/revoke-others', { method: 'POST' });
    await load();
    say(`${revoked} other ${revoked === 1 ? 'device is' : 'devices are'} signed out.`);
  } catch (error) {
    say(failed(error, 'Not revoked'));
  }
}

async function load() {
  if (!(await deviceToken())) {
    say('You are not signed in.');
    $('devices-signin').hidden = false;
    return;
  }
  try {
    const { items } = await api('/tokens');
    $('devices').replaceChildren(...items.map(item));
    $('revoke-others').hidden = items.length < 2;
    say(`${items.length} ${items.length === 1 ? 'device' : 'devices'} signed in.`);
  } catch (error) {
    say(error.status === 401 ? 'This device was signed out.' : failed(error, 'The list could not be loaded'));
    if (error.status === 401) {
      await signOut();
      $('devices-signin').hidden = false;
    }
  }
}

$('revoke-others').addEventListener('click', revokeOthers);
load();
