// The quiet "2 runs not synced yet" line in the header; it links to the account screen when the
// device is not signed in, since signing in is what uploads them.
import { dirtyCompletions, getMeta } from '../device/store.js';
import '../device/sync.js';

const badge = document.createElement('p');
badge.className = 'sync-badge';
badge.id = 'sync-badge';
badge.setAttribute('role', 'status');
badge.hidden = true;
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
    const link = document.createElement('a');
    link.href = '/account';
    link.textContent = 'sign in';
    badge.replaceChildren(`${text} · `, link);
  }
  badge.hidden = false;
}

async function refresh() {
  state.pending = (await dirtyCompletions().catch(() => [])).length;
  state.signedIn = Boolean(await getMeta('token').catch(() => null));
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
