// The devices screen: every signed-in device of the account, each revocable.
import { signOut, unsyncedCount } from '../device/session.js';
import { api, deviceToken } from '../lib/api.js';
import { $, el } from '../lib/dom.js';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function say(text) {
  $('devices-status').textContent = text;
}

function item(device) {
  const li = el('li', '', { className: 'card' });
  const name = el('h2', device.device_name + (device.current ? ' (this device)' : ''));
  const used = device.last_used_at ? `, last used ${day.format(new Date(device.last_used_at))}` : '';
  const meta = el('p', `Signed in ${day.format(new Date(device.created_at))}${used}`, { className: 'meta' });
  const button = el('button', device.current ? 'Sign out here' : 'Revoke', { type: 'button', className: 'button quiet' });
  button.setAttribute('aria-label', `${device.current ? 'Sign out on' : 'Revoke'} ${device.device_name}`);
  button.addEventListener('click', () => revoke(device, li));
  li.append(name, meta, button);
  return li;
}

async function revoke(device, li) {
  if (device.current) {
    const left = await unsyncedCount();
    if (left) {
      location.href = '/account'; // it asks about the runs not synced yet before signing out
      return;
    }
    await signOut();
    location.href = '/account';
    return;
  }
  try {
    await api(`/tokens/${device.id}`, { method: 'DELETE' });
    li.remove();
    say(`${device.device_name} is signed out and can no longer sync.`);
    $('devices').querySelector('button')?.focus();
  } catch (error) {
    say(error.status === 0 ? 'You are offline; try again with a connection.' : `Not revoked: ${error.message}`);
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
    say(`${items.length} ${items.length === 1 ? 'device' : 'devices'} signed in.`);
  } catch (error) {
    say(error.status === 401 ? 'This device was signed out.' : error.status === 0 ? 'You are offline; the list needs a connection.' : error.message);
    if (error.status === 401) $('devices-signin').hidden = false;
  }
}

load();
