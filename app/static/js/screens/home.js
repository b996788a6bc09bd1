// Home screen: today's routine first, by this device's clock (morning before noon, evening after).

// The phase panel waits for the load event: the first paint needs only the list below.
addEventListener('load', () => import('./phase.js'), { once: true });

const list = document.getElementById('routines');
const slot = new Date().getHours() < 12 ? 'morning' : 'evening';
const today = list?.querySelector(`[data-slot="${slot}"]`);
if (today) {
  list.prepend(today);
  today.classList.add('today');
  today.querySelector('.badge').hidden = false;
}
