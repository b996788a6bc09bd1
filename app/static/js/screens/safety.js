// The safety notice, shown once on first use; the routine page keeps it in reach after that.

const KEY = 'squeeze.safety-seen';
const dialog = document.getElementById('safety-dialog');
const unread = Boolean(dialog && !localStorage.getItem(KEY));

/** Resolves once the notice has been read: at once on later visits. The player waits on it. */
export const safetyAccepted = new Promise((resolve) => {
  if (!unread) return resolve();
  dialog.addEventListener('close', () => {
    localStorage.setItem(KEY, '1');
    resolve();
  });
  dialog.showModal();
});
