// The phase panel on the home screen: where you are, a suggestion to move on or step back, what to
// leave out and why, and the routines in the order your phase offers them (your own included).
// On the home and routine pages, a routine beyond your phase says so and plays after a confirm.

import { getMeta, setMeta } from '../device/store.js';
import { api } from '../lib/api.js';
import { $, el } from '../lib/dom.js';

/** The /phase answer, or offline the last one kept on this device (null if none). */
export async function fetchPhase() {
  try {
    const phase = await api('/phase');
    await setMeta('phase', phase).catch(() => {});
    return phase;
  } catch {
    return getMeta('phase').catch(() => null); // offline: the last answer kept on the device
  }
}

function show(phase) {
  $('phase-name').textContent = `Phase ${phase.phase.number} of ${phase.phases.length}: ${phase.phase.name}`;
  $('phase-goal').textContent = phase.phase.goal;
  const tip = phase.suggestion;
  $('phase-suggestion').hidden = !tip;
  if (tip) {
    const link = el('a', `Change to phase ${tip.to_phase} in Settings`, { href: '/settings' });
    $('phase-suggestion').replaceChildren(`${tip.reason} `, link);
  }
  const avoid = phase.avoid.filter((a) => a.applies);
  $('phase-avoid').replaceChildren(
    ...(avoid.length ? avoid : [{ what: 'Nothing', why: 'every exercise is open to you now.' }]).map((a) => {
      const li = el('li', `: ${a.why}`);
      li.prepend(el('strong', a.what));
      return li;
    }),
  );
  $('phase').hidden = false;
  order(phase.routines, phase);
}

/** Puts the routine cards in the phase's order (today's first still), adding your own routines. */
function order(offers, phase) {
  const list = $('routines');
  if (!list) return;
  const cards = new Map([...list.children].map((li) => [li.querySelector('a[href^="/play/"]')?.getAttribute('href'), li]));
  for (const offer of offers) list.append(cards.get(`/play/${offer.slug}`) ?? ownCard(offer));
  for (const offer of offers) gate(list.querySelector(`a[href="/play/${offer.slug}"]`), offer, phase);
  const today = list.querySelector('.today');
  if (today) list.prepend(today);
}

function ownCard(offer) {
  const li = el('li', '', { className: 'card' });
  const play = el('a', 'Play', { className: 'button', href: `/play/${offer.slug}` });
  play.append(el('span', ` ${offer.name}`, { className: 'sr-only' }));
  const edit = el('a', 'Edit', { href: `/routines/${offer.slug}/edit` });
  edit.append(el('span', ` ${offer.name}`, { className: 'sr-only' }));
  li.append(el('h2', offer.name), el('p', `Your own routine · phase ${offer.phase}`), play, ' ', edit);
  return li;
}

/** Marks the Play or Start `link` of a routine the phase has not opened: why, and a confirm. */
function gate(link, offer, phase) {
  if (!link || offer.open || link.dataset.gated) return;
  link.dataset.gated = 1;
  const why = `Outside your phase: ${offer.name} is for phase ${offer.phase}; you are in phase ${phase.phase.number}, ${phase.phase.name}.`;
  const note = el('p', why, { className: 'out-of-phase', id: `gate-${offer.slug}` });
  link.before(note);
  link.setAttribute('aria-describedby', note.id);
  link.firstChild.textContent += ' anyway';
  link.classList.remove('primary');
  link.onclick = (event) => confirm(`${why} Play it anyway?`) || event.preventDefault();
}

const start = $('start-link'); // the routine page's
if ($('phase') || start) {
  fetchPhase().then((phase) => {
    if (!phase) return;
    if (start) gate(start, phase.routines.find((r) => `/play/${r.slug}` === start.getAttribute('href')) ?? { open: true }, phase);
    else show(phase);
  });
}
