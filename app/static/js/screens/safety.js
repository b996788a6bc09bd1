// The safety notice, shown once on first use; the routine page keeps it in reach after that.

const KEY = 'squeeze.safety-seen';
const dialog = document.getElementById('safety-dialog');
if (dialog && !localStorage.getItem(KEY)) {
  dialog.addEventListener('close', () => localStorage.setItem(KEY, '1'));
  dialog.showModal();
}
