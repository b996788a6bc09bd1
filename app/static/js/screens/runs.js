// The run log: every run on this device (the account's runs are all pulled here), newest first,
// drawn a page at a time as the list scrolls into view. Corrections and deletions are saved on the
// device and go up through the sync outbox, so they work offline and merge like any other write.
import { allCompletions, putCompletion } from '../device/store.js';
import '../device/sync.js';
import { $, el } from '../lib/dom.js';

const PAGE = 25;
const SIDE_TEXT = { left: 'left side felt weaker', right: 'right side felt weaker', same: 'both sides felt the same' };
let runs = [];
let shown = 0; // the cursor: how many of `runs` are drawn
let open = null;
let observer = null;

const byStart = (a, b) => Date.parse(b.started_at) - Date.parse(a.started_at);
const pain = (n) => (n === null || n === undefined ? '–' : String(n));

/** The run's date and time as it was where it was played. */
function when(run) {
  const zone = (() => {
    try {
      return new Intl.DateTimeFormat(undefined, { timeZone: run.timezone }).resolvedOptions().timeZone;
    } catch {
      return undefined; // a zone this browser does not know: show it in the device's own
    }
  })();
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  return format.format(new Date(run.started_at));
}

function minutes(run) {
  const ms = Date.parse(run.finished_at) - Date.parse(run.started_at);
  const m = Math.round(ms / 60000);
  return m < 1 ? 'under a minute' : `${m} min`;
}

const routineName = (slug) => slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

function item(run) {
  const li = el('li', '', { className: 'card run' });
  li.dataset.id = run.id;
  const early = run.steps_done < run.steps_total;
  const title = el('h2', '');
  const button = el('button', `${when(run)} · ${routineName(run.routine)}`, { type: 'button', className: 'run-open' });
  button.addEventListener('click', () => edit(run));
  title.append(button);
  const facts = [minutes(run), early ? `ended early (${run.steps_done} of ${run.steps_total} steps)` : 'complete'];
  if (run.weaker_side) facts.push(SIDE_TEXT[run.weaker_side]);
  if (run.dirty) facts.push('not synced yet');
  li.append(
    title,
    el('p', facts.join(' · '), { className: 'meta' }),
    el('p', `Pain ${pain(run.pain_before)} → ${pain(run.pain_after)}`, { className: 'run-pain' }),
  );
  if (run.notes) li.append(el('p', run.notes, { className: 'run-note' }));
  return li;
}

function more() {
  const next = runs.slice(shown, shown + PAGE);
  $('runs').append(...next.map(item));
  shown += next.length;
  $('runs-more').textContent = shown < runs.length ? 'Scroll for earlier runs…' : '';
}

async function load() {
  runs = (await allCompletions()).filter((r) => !r.deleted).sort(byStart);
  const keep = Math.max(shown, PAGE);
  shown = 0;
  $('runs').replaceChildren();
  while (shown < Math.min(keep, runs.length)) more();
  $('runs-more').textContent = shown < runs.length ? 'Scroll for earlier runs…' : '';
  $('runs-status').textContent = runs.length
    ? `${runs.length} ${runs.length === 1 ? 'run' : 'runs'}. Open one to correct it or delete it.`
    : 'No runs yet: play a routine from the home screen and it shows up here.';
  observer ??= new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && more());
  observer.observe($('runs-more'));
}

function check(name, value) {
  for (const input of document.getElementsByName(name)) input.checked = input.value === String(value);
}

function picked(name) {
  const value = [...document.getElementsByName(name)].find((i) => i.checked)?.value;
  return value === undefined ? null : value;
}

function edit(run) {
  open = run;
  $('run-title').textContent = `${routineName(run.routine)} run`;
  $('run-when').textContent = when(run);
  check('edit-before', run.pain_before);
  check('edit-after', run.pain_after);
  check('edit-side', run.weaker_side);
  $('edit-note').value = run.notes ?? '';
  $('run-delete-confirm').hidden = true;
  $('run-dialog').showModal();
}

async function save(event) {
  if (event.submitter?.value !== 'save' || !open) return;
  const number = (v) => (v === null ? null : Number(v));
  const changes = {
    pain_before: number(picked('edit-before')),
    pain_after: number(picked('edit-after')),
    weaker_side: picked('edit-side'),
    notes: $('edit-note').value.trim(),
  };
  await putCompletion({ ...withoutDirty(open), ...changes });
  await load();
  $('runs-status').textContent = 'Saved on this device; it syncs when it can.';
}

async function remove() {
  // A tombstone with nothing personal left in it: the server scrubs it too, however it arrives.
  const tombstone = { ...withoutDirty(open), deleted: true, notes: '', pain_before: null, pain_after: null, weaker_side: null, share_note: false };
  await putCompletion(tombstone);
  $('run-dialog').close();
  await load();
  $('runs-status').textContent = 'Deleted. It goes from your other devices when this one syncs.';
  $('runs').querySelector('button')?.focus();
}

const withoutDirty = ({ dirty, held_for, ...record }) => record;

$('run-form').addEventListener('submit', save);
$('run-delete').addEventListener('click', () => {
  $('run-delete-confirm').hidden = false;
  $('run-delete-yes').focus();
});
$('run-delete-yes').addEventListener('click', remove);
window.addEventListener('squeeze:sync-state', (event) => event.detail.pulled && load());
load();
