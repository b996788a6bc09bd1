// How to do the exercise playing: its line drawing (inlined, so it follows the theme) and its three
// key cues. Loaded after the player is usable; the drawings are precached for offline use.

import { api } from '../lib/api.js';
import { $, el } from '../lib/dom.js';

let library = null; // slug → exercise, from GET /api/v1/exercises
const drawings = new Map(); // url → svg text
let shown = null;

async function exercises() {
  library ??= api('/exercises', { token: null })
    .then((answer) => new Map((answer.items ?? answer).map((x) => [x.slug, x])))
    .catch(() => (library = null, new Map()));
  return library;
}

async function drawing(url) {
  if (!drawings.has(url)) {
    const text = await fetch(url).then((r) => (r.ok ? r.text() : ''), () => '');
    drawings.set(url, text.startsWith('<svg') ? text : '');
  }
  return drawings.get(url);
}

/** Shows how to do exercise `slug` (null: nothing, as in a rest). */
export async function showHowTo(slug) {
  if (slug === shown) return;
  shown = slug;
  const box = $('howto');
  if (!slug) {
    box.hidden = true;
    return;
  }
  const exercise = (await exercises()).get(slug);
  const svg = exercise?.illustration ? await drawing(exercise.illustration) : '';
  if (shown !== slug) return; // the run moved on while this loaded
  const figure = $('howto-figure');
  figure.innerHTML = svg; // same-origin drawings of our own, never user input
  const pic = figure.querySelector('svg');
  if (pic) {
    pic.setAttribute('role', 'img');
    pic.setAttribute('aria-label', exercise.alt ?? exercise.name);
  }
  $('howto-cues').replaceChildren(...(exercise?.cues ?? []).slice(0, 3).map((c) => el('li', c)));
  box.hidden = !exercise;
}
