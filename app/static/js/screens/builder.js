// The routine builder screen: steps in, the server's compiled timeline out, saved through the API.
// The server validates and compiles (POST /routines/preview); nothing here decides what plays.

import { keepRoutine } from '../device/kept-routines.js';
import { api, deviceToken } from '../lib/api.js';
import { $, el } from '../lib/dom.js';

const form = $('builder');
const tpl = $('step-tpl').content;
const options = [...$('add-exercise').options];
const names = Object.fromEntries(options.map((o) => [o.value, o.text]));
// Each exercise's protocol dose as a step, written into its option by the server (app/content).
const defaults = Object.fromEntries(options.map((o) => [o.value, JSON.parse(o.dataset.step)]));
// What a step switched to another mode starts with, when its exercise's own step is of another mode.
const FRESH = { timed: { work_s: 30, rounds: 1 }, paced: { reps: 10, cadence_s: 2 }, self_paced: { reps: 10 } };
/** Fields for `step` in its (new) mode: its exercise's own dose when that is of this mode. */
const fresh = (step) => (defaults[step.exercise]?.mode === step.mode ? defaults[step.exercise] : FRESH[step.mode]);
let editing = form.dataset.editing;
let steps = [];
let ladder = null;
let timer = 0;
let rev = 0;
const OFFLINE = { detail: 'This needs a network connection; try again when online.' };
const SIGN_IN = { detail: 'Sign in (on the Account page) to save routines of your own.' };
/** What to tell about a failed request: the server's problem, or that there was no network. */
const failure = (error) => (error.status ? error : OFFLINE);

/** Whether the field `key` applies to `step` (the template's data-modes and data-sides say). */
function shown(key, step) {
  const label = tpl.querySelector(`[data-field="${key}"]`).closest('label');
  const modes = label.dataset.modes?.split(' ');
  return (!modes || modes.includes(step.mode)) && (!label.dataset.sides || step.sides === 'both');
}

const NUMBERS = new Set([...tpl.querySelectorAll('.numbers input')].map((f) => f.dataset.field));

/** A step as the API takes it: only the fields its mode and sides use. */
function clean(step) {
  const used = ([k, v]) => v !== null && (!NUMBERS.has(k) || shown(k, step));
  return Object.fromEntries(Object.entries(step).filter(used));
}

const draft = (name = $('name').value.trim()) => ({ name, steps: steps.map(clean) });

/** Draws the steps again; `focus` = [step index, selector] puts focus back where it was. */
function render(focus) {
  $('steps').replaceChildren(...steps.map(item));
  $('no-steps').hidden = steps.length > 0;
  $('add-step').disabled = steps.length >= Number(form.dataset.maxSteps);
  if (focus) ($('steps').children[focus[0]]?.querySelector(focus[1]) ?? $('add-exercise')).focus();
  schedule();
}

function item(step, i) {
  const li = tpl.firstElementChild.cloneNode(true);
  li.querySelector('legend').textContent = `Step ${i + 1}: ${names[step.exercise] ?? step.exercise}`;
  const fields = [...li.querySelectorAll('[data-field]')];
  const toggle = () => fields.forEach((f) => (f.closest('.numbers label') ?? {}).hidden = !shown(f.dataset.field, step));
  const fill = () => fields.forEach((f) => (f.value = step[f.dataset.field] ?? ''));
  for (const f of fields) {
    const key = f.dataset.field;
    f.addEventListener('input', () => {
      step[key] = f.type === 'number' ? (f.value === '' ? null : Number(f.value)) : f.value;
      if (key === 'mode') {
        Object.assign(step, fresh(step), clean(step)); // keep what applies, fill what is new
        fill();
      }
      toggle();
      schedule();
    });
  }
  const [up, remove] = li.querySelectorAll('[data-act]');
  up.disabled = !i;
  up.setAttribute('aria-label', `Move step ${i + 1} up`);
  up.onclick = () => {
    steps.splice(i - 1, 2, steps[i], steps[i - 1]);
    render([i - 1, i > 1 ? '[data-act=up]' : '[data-act=remove]']);
  };
  remove.setAttribute('aria-label', `Remove step ${i + 1}`);
  remove.onclick = () => {
    steps.splice(i, 1);
    render([Math.min(i, steps.length - 1), '[data-act=remove]']);
  };
  fill();
  toggle();
  return li;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(preview, 300);
}

async function preview() {
  const mine = ++rev;
  let routine = null;
  let error = null;
  if (steps.length) {
    const body = draft($('name').value.trim() || 'Untitled');
    routine = await api('/routines/preview', { method: 'POST', body }).catch((e) => void (error = e));
  }
  if (mine !== rev) return;
  problems(error && failure(error));
  if (error?.status !== 0) show(routine);
}

function show(routine) {
  const segs = routine?.timeline ?? [];
  $('timeline').replaceChildren(...segs.map((s) => el('li', `${s.label}: ${s.duration_ms === null ? 'until you tap' : `${s.duration_ms / 1000} s`}`)));
  const waits = segs.some((s) => s.duration_ms === null) ? ', plus the sets you pace yourself' : '';
  $('total').textContent = routine ? `Total time: ${clock(routine.duration_s)}${waits}.` : '';
  ladder = routine?.progression;
  $('progression').hidden = !ladder;
  if (!ladder) return;
  const { level, of, current, next } = ladder;
  $('progression-text').textContent = `Level ${level} of ${of}: ${current.name}. ${next ? `Next: ${next.name}.` : 'That is the top.'}`;
  $('level-up').hidden = !next;
  if (next) $('level-up').textContent = `Move up to ${next.name}`;
}

/** `160` → "2 min 40 s". */
function clock(t) {
  const parts = [t >= 60 && `${Math.floor(t / 60)} min`, (t % 60 || t < 60) && `${t % 60} s`];
  return parts.filter(Boolean).join(' ');
}

/** What is wrong with `input` in plain words, by its own label and the bounds the server gave it. */
function plain(input, detail) {
  const name = input.closest('label').firstChild.textContent.trim();
  const value = input.value === '' ? NaN : Number(input.value);
  if (input.type !== 'number') return `${name}: ${detail}`;
  if (Number.isNaN(value)) return `${name}: needed`;
  if (!Number.isInteger(value)) return `${name}: a whole number`;
  if (value < Number(input.min)) return `${name}: at least ${input.min}`;
  if (value > Number(input.max)) return `${name}: at most ${input.max}`;
  return `${name}: ${detail}`;
}

/** The input a step-wide error is about: the first shown number left empty. */
const emptyIn = (li) => [...li.querySelectorAll('.numbers label:not([hidden]) input')].find((f) => f.value === '');

function problems(problem) {
  form.querySelectorAll('[aria-invalid]').forEach((f) => f.removeAttribute('aria-invalid'));
  form.querySelectorAll('[data-error]').forEach((p) => (p.textContent = ''));
  const lines = (problem?.errors ?? []).map(({ field, detail }) => {
    const [where, i, key] = field.split('.');
    const said = detail.replace(/^Value error, /, '');
    const li = where === 'steps' && i ? $('steps').children[i] : null;
    if (!li) {
      if (where !== 'name') return `Steps: ${said}`;
      $('name').setAttribute('aria-invalid', 'true');
      return `Name: ${$('name').value.trim() ? said : 'needed'}`;
    }
    const input = key ? li.querySelector(`[data-field="${key}"]`) : emptyIn(li);
    input?.setAttribute('aria-invalid', 'true');
    const words = input ? plain(input, said) : said;
    li.querySelector('[data-error]').textContent = words;
    return `Step ${Number(i) + 1}, ${words[0].toLowerCase()}${words.slice(1)}`;
  });
  if (problem?.detail && !lines.length) lines.push(problem.detail);
  $('problems').replaceChildren(...lines.map((line) => el('p', line)));
}

async function save(event) {
  event.preventDefault();
  let routine;
  try {
    routine = await api(editing ? `/routines/${editing}` : '/routines', { method: editing ? 'PUT' : 'POST', body: draft() });
  } catch (error) {
    const signedOut = error.status === 401 || (error.status && !(await deviceToken()));
    return problems(signedOut ? SIGN_IN : failure(error));
  }
  await keepRoutine(routine); // so it plays offline from now on
  problems(null);
  show(routine);
  editing = routine.slug;
  history.replaceState(null, '', `/routines/${editing}/edit`);
  const play = Object.assign(el('a', `Play ${routine.name}`), { href: `/play/${editing}` });
  $('status').replaceChildren(`Saved as version ${routine.version}. `, play);
}

async function load(slug, copy) {
  const routine = slug ? await api(`/routines/${slug}`).catch(() => null) : { name: '', steps: [] };
  if (!routine) return problems({ detail: `The routine '${slug}' could not be loaded.` });
  $('name').value = routine.name + (copy && slug ? ' (my copy)' : '');
  steps = routine.steps;
  render();
}

$('add-step').onclick = () => {
  steps.push(structuredClone(defaults[$('add-exercise').value]));
  render([steps.length - 1, 'select']);
};
$('name').oninput = schedule;
$('start-from')?.addEventListener('change', (e) => load(e.target.value, true));
$('level-up').onclick = () => {
  steps.forEach((s) => s.exercise === ladder.current.slug && (s.exercise = ladder.next.slug));
  render();
};
form.onsubmit = save;
$('delete')?.addEventListener('click', async () => {
  if (!confirm('Delete this routine? Runs you logged with it stay in your history.')) return;
  try {
    await api(`/routines/${editing}`, { method: 'DELETE' });
    location.assign('/');
  } catch (error) {
    problems(failure(error));
  }
});
load(editing || form.dataset.copy, !editing);
