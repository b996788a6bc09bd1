// The quiet "2 runs not synced yet" line in the header; it links to the account screen when the
// device is not signed in, since signing in is what uploads them.
import { dirtyCompletions } from '../device/store.js';
import '../device/sync.js';
import { deviceToken } from '../lib/api.js';
import { el } from '../lib/dom.js';

const badge = el('p', '', { className: 'sync-badge', id: 'sync-badge', hidden: true });
badge.setAttribute('role', 'status');
document.querySelector('.bar')?.append(badge);

const state = { pending: 0, signedIn: false };

function render() {
  const n = state.pending;
  if (!n) {
    badge.hidden = true;
    badge.replaceChildren();
    return;
  }
  const text = `${n} ${n === 1 ? 'run' : 'runs'} not synced yet`;
  if (state.signedIn) badge.replaceChildren(text);
  else {
    badge.replaceChildren(`${text} · `, el('a', 'sign in', { href: '/account' }));
  }
  badge.hidden = false;
}

async function refresh() {
  state.pending = (await dirtyCompletions().catch(() => [])).length;
  state.signedIn = Boolean(await deviceToken());
  render();
}

window.addEventListener('squeeze:sync-state', (event) => {
  const { pending, signedIn } = event.detail;
  if (pending === undefined) return;
  Object.assign(state, { pending, signedIn: signedIn ?? state.signedIn });
  render();
});
window.addEventListener('squeeze:completion-saved', refresh);
refresh();
