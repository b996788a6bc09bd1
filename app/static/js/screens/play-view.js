// The player's stage, drawn from the engine's position: what plays, the count or the rep, what is
// next, the whole run's progress, and which controls apply.

import { $, el } from '../lib/dom.js';
import * as engine from '../engine/player.js';

const KIND = { prepare: 'Get ready', work: 'Go', reps: 'Reps', rest: 'Relax', set_rest: 'Rest', switch: 'Switch sides' };
const ACTIVE = new Set(['work', 'reps']);

export function clockText(ms) {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? String(s) : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Draws the stage for `pos`; the main control that is showing keeps the focus. */
export function render(state, pos, now) {
  const seg = pos.segment;
  const rep = engine.repAt(state, pos);
  $('kind').textContent = pos.paused ? 'Paused' : KIND[seg.kind] ?? '';
  $('now').textContent = seg.beat_ms ? seg.label.split(':')[0] : seg.label; // the count and cadence say the rest
  const count = $('count');
  if (seg.reps && (seg.beat_ms || rep)) {
    count.replaceChildren(String(rep), el('small', ` of ${seg.reps}`));
    count.setAttribute('aria-label', 'Rep');
  } else if (pos.waiting) {
    count.replaceChildren(String(seg.reps ?? ''), el('small', ' reps'));
    count.setAttribute('aria-label', 'Tap Done when the set is finished');
  } else {
    count.textContent = clockText(pos.remainingMs);
    count.setAttribute('aria-label', 'Time left');
  }
  drawProgress(state, now);
  $('next').textContent = pos.next?.label.split(':')[0] ?? 'Finish';
  $('next-line').classList.toggle('soon', !ACTIVE.has(seg.kind));
  $('pause').textContent = pos.paused ? 'Resume' : 'Pause';
  swap($('pause'), $('done'), pos.waiting);
  $('tap').hidden = !pos.waiting || !seg.reps || seg.reps < 2;
  drawCadence(state, pos);
  const roundsLeft = engine.roundsLeft(state, now);
  $('more').hidden = roundsLeft === null; // steps of rounds
  $('more').disabled = roundsLeft === 0;
}

function drawProgress(state, now) {
  const p = engine.progress(state, now);
  $('progress').value = p.fraction;
  $('overall').textContent = `Step ${p.stepNo} of ${p.steps} · ${clockText(p.leftMs)} left`;
}

function drawCadence(state, pos) {
  const paced = engine.pacedAt(state, pos);
  $('cadence').hidden = !paced;
  if (!paced) return;
  const i = paced.cadences.findIndex((c) => c.beat_ms === paced.beat_ms);
  $('beat').textContent = `One rep every ${paced.beat_ms / 1000} s`; // the server's beats are whole tenths
  $('slower').disabled = i <= 0;
  $('faster').disabled = i >= paced.cadences.length - 1;
}

/** Shows `b` instead of `a` when `showB`, moving the focus along if it was on the one hidden. */
function swap(a, b, showB) {
  const [shown, hidden] = showB ? [b, a] : [a, b];
  const had = document.activeElement === hidden;
  hidden.hidden = true;
  shown.hidden = false;
  if (had) shown.focus();
}
