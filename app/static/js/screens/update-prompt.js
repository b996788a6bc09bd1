// The "a new version is ready" notice: a polite, dismissible bar that never takes the focus.
let bar = null;
let message = null;
let reloadHandler = null;
let dismissed = false;

export function showUpdatePrompt(onReload) {
  reloadHandler = onReload;
  if (dismissed) return;
  bar ??= build();
  if (!bar.hidden) return;
  bar.hidden = false;
  // Filled in once shown, so that screen readers announce it as news.
  message.textContent = 'A new version of Squeeze is ready.';
}

export function hideUpdatePrompt() {
  if (!bar) return;
  bar.hidden = true;
  message.textContent = '';
}

function build() {
  const aside = document.createElement('aside');
  aside.className = 'update-prompt';
  aside.setAttribute('aria-label', 'App update');
  aside.hidden = true;
  message = document.createElement('p');
  message.setAttribute('role', 'status');
  const later = button('Not now', () => {
    dismissed = true;
    hideUpdatePrompt();
  });
  later.className = 'quiet';
  aside.append(message, button('Reload', () => reloadHandler()), later);
  document.body.append(aside);
  return aside;
}

function button(label, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}
