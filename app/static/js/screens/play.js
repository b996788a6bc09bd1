// The player screen: fetches the routine, drives the engine with the wall clock, sounds the cues,
// keeps the run on the device, and saves the finished run as a completion.

import { GRACE_MS, planTick } from '../engine/cueplan.js';
import { buzz, createTones } from '../device/audio.js';
import { deviceZone, localIso } from '../lib/dates.js';
import { $ } from '../lib/dom.js';
import * as engine from '../engine/player.js';
import { beatPrefs, cuePrefs, setBeatPref, setCuePref } from '../device/prefs.js';
import { clearRun, loadRun, saveRun } from '../device/run.js';
import { createVoice } from '../device/speech.js';
import { getMeta, putCompletion, setMeta } from '../device/store.js';
import { createWakeLock } from '../device/wakelock.js';
import { render } from './play-view.js';
import { safetyAccepted } from './safety.js';

const LEAD_IN_MS = 600; // silence first, so Bluetooth headphones are awake for the first cue
const TICK_MS = 200;
const HOWTO = new Set(['prepare', 'work', 'reps']); // segments that show how to do the exercise
const clock = { now: () => Date.now() };
const root = document.documentElement;
const slug = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const rescue = slug === 'flare-up'; // one tap on the pain scale starts it
const tones = createTones();
const voice = createVoice();
const wake = createWakeLock();
let prefs = cuePrefs();
let routine = null;
let run = null;
let timer = null;
let lastTick = 0;
let howTo = null; // the lazily loaded how-to panel
let ending = null; // the finish's words and Discard, loaded once a run is under way
let keys = null; // the keys and the headset; till they load, the focused Pause takes Space
// Main-thread cues (voice, vibration, live region, the screen) get their own timeout on their moment,
// so they are not up to a tick late; `handled` keeps a cue from playing twice.
const pending = new Map();
const handled = new Set();
let shownIndex = -1;
// benchmarks/cue_accuracy.py only: `?bench` logs each cue's planned (Date.now) and actual time.
const bench = new URLSearchParams(location.search).has('bench') ? (window.__cueLog = { cues: [], clocks: [] }) : null;
const log = (kind, cue, extra) => bench?.cues.push({ kind, type: cue.type, scheduled_ms: cue.at, fired_perf: performance.now(), ...extra });

function show(id) {
  for (const s of ['before', 'stage', 'finish']) $(s).hidden = s !== id;
}

const picked = (name) => {
  const input = document.querySelector(`input[name="${name}"]:checked`);
  return input ? Number(input.value) : null;
};

const newId = () =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16),
  );

async function load() {
  try {
    routine = await (await import('../device/kept-routines.js')).fetchRoutine(slug); // own routines play offline too
  } catch (error) {
    $('status').textContent = error.status ? 'There is no routine at this address.' : 'This routine is not on this device yet; connect once to load it.';
    return;
  }
  $('routine-name').textContent = routine.name;
  document.title = `${routine.name} · Squeeze`;
  $('status').textContent = '';
  $('summary').textContent = routine.summary;
  $('details').href = routine.builtin ? `/routines/${slug}` : `/routines/${slug}/edit`; // own routines' steps live in the builder
  run = loadRun(slug, clock.now());
  // Nothing plays before the safety notice is read: a run starts only from a tap the modal notice
  // blocks, and one resumed after a reload waits for it.
  if (run?.completion) showFinish();
  else if (run) safetyAccepted.then(play); else showBefore();
}

async function showBefore() {
  show('before');
  $('one-tap').hidden = !rescue;
  if (rescue) $('start').textContent = 'Start without a score';
  const draft = await getMeta('pain_before_draft').catch(() => null);
  const input = document.querySelector(`input[name="pain-before"][value="${draft}"]`);
  if (input && !rescue) input.checked = true;
}

function begin() {
  if (run) return;
  tones.unlock();
  const now = clock.now();
  run = {
    slug,
    id: newId(),
    version: routine.version,
    stepsTotal: routine.steps.length,
    painBefore: picked('pain-before'),
    state: engine.start(routine.timeline, now + LEAD_IN_MS, routine.more_rounds, beatPrefs()),
    completion: null,
  };
  saveRun(run);
  setMeta('pain_before_draft', null).catch(() => {});
  lastTick = now;
  play();
}

function play() {
  show('stage');
  root.dataset.playing = 'true';
  wake.hold().then((held) => {
    $('wake-hint').hidden = held;
  });
  lastTick ||= clock.now();
  if (navigator.userActivation?.hasBeenActive === false) {
    // Browsers let sound start only from a tap: after a reload.
    $('sound-hint').hidden = false;
    document.addEventListener('pointerdown', () => {
      tones.unlock();
      $('sound-hint').hidden = true;
    }, { once: true });
  }
  timer = setInterval(tick, TICK_MS);
  tick();
  $(engine.position(run.state, clock.now()).waiting ? 'done' : 'pause').focus();
  // The drawings and cues, the keys and headset, and the finish's words come after the player is usable.
  import('./play-howto.js').then((m) => { howTo = m; tick(); }, () => {});
  import('./play-keys.js').then((m) => {
    m.bindControls(controls, { active: playing, waiting });
    keys = m;
  }, () => {});
  ending ??= import('./play-finish.js');
}

function tick() {
  if (!run || run.completion) return;
  const now = clock.now();
  const pos = engine.position(run.state, now);
  const plan = planTick(run.state, lastTick, now);
  lastTick = now;
  for (const cue of [...plan.missed, ...plan.due]) fire(cue); // first: this tick may be their moment
  for (const cue of [...plan.due, ...plan.ahead]) {
    const at = tones.schedule(cue.key, cue.type, Math.max(0, (cue.at - clock.now()) / 1000), { audible: prefs.tones, n: cue.n });
    if (at !== undefined && prefs.tones) log('tone', cue, { audio_at: at });
  }
  for (const cue of plan.ahead) {
    if (!pending.has(cue.key) && !handled.has(cue.key)) {
      pending.set(cue.key, setTimeout(() => { fire(cue); tick(); }, cue.at - now));
    }
  }
  bench?.clocks.push({ date: Date.now(), perf: performance.now(), audio: tones.stamp() });
  if (pos.finished) return finish(pos);
  if (pos.index !== shownIndex && !pos.paused) {
    shownIndex = pos.index;
    log('display', { type: pos.segment.kind, at: now - pos.elapsedMs });
  }
  render(run.state, pos, now);
  keys?.describe(routine.name, pos.segment.label, pos.paused);
  howTo?.showHowTo(HOWTO.has(pos.segment.kind) ? pos.segment.exercise : null);
}

/** One cue's voice, vibration and live-region text, once; one whose moment is long gone is skipped. */
function fire(cue) {
  pending.delete(cue.key);
  if (handled.has(cue.key) || !run || run.completion) return;
  handled.add(cue.key);
  if (clock.now() - cue.at > GRACE_MS) {
    root.dataset.skippedCues = Number(root.dataset.skippedCues ?? 0) + 1;
    return;
  }
  const beat = cue.type === 'beat';
  if (cue.text && !(beat && prefs.voice)) {
    $('live').textContent = cue.text;
    log('live', cue);
  }
  if (cue.text && prefs.voice) {
    voice.say(cue.say ?? cue.text);
    log('voice', cue);
  }
  // A rep's buzz stands in for the spoken count: with the voice on, the count is heard instead.
  if (prefs.vibration && !(beat && prefs.voice) && buzz(cue.type)) log('vibrate', cue);
}

function cancelPending() {
  for (const id of pending.values()) clearTimeout(id);
  pending.clear();
}

function act(op) {
  if (!run || run.completion) return;
  run.state = op(run.state, clock.now());
  tones.cancel();
  cancelPending();
  saveRun(run);
  tick();
}

async function finish(pos) {
  clearInterval(timer);
  timer = null;
  cancelPending();
  wake.release();
  keys?.clear();
  delete root.dataset.playing;
  run.completion = {
    id: run.id,
    routine: slug,
    routine_version: run.version,
    started_at: localIso(run.state.startedAt),
    finished_at: localIso(Math.max(pos.endedAt, run.state.startedAt)),
    timezone: deviceZone(),
    steps_done: engine.stepsDone(run.state, pos.endedAt),
    steps_total: run.stepsTotal,
    pain_before: run.painBefore,
    pain_after: null,
    notes: '',
    deleted: false,
  };
  saveRun(run);
  showFinish();
  run.completion = await putCompletion(run.completion);
  saveRun(run);
}

async function showFinish() {
  show('finish');
  $('side-question').hidden = !run.state.segments.some((s) => s.side); // asked after a two-sided step
  delete root.dataset.playing;
  $('finish-title').focus?.();
  ending ??= import('./play-finish.js');
  (await ending).drawFinish(run.completion, run.state.ended); // offline before it loaded: plain words
}

async function saveFinish(event) {
  event.preventDefault();
  const notes = $('note').value.trim();
  const side = document.querySelector('input[name="weaker-side"]:checked')?.value ?? null;
  await putCompletion({ ...run.completion, pain_after: picked('pain-after'), notes, weaker_side: side });
  clearRun();
  $('saved').textContent = 'Saved on this device.';
}

async function discard() {
  await (await ending).discardRun(run.completion.id);
  clearRun();
  $('finish-form').hidden = true;
  $('saved').textContent = 'Discarded: this run is not in your history.';
}

const playing = () => Boolean(run && !run.completion && !$('stage').hidden);
const waiting = () => playing() && engine.position(run.state, clock.now()).waiting;
const togglePause = () => act((s, now) => (s.pausedAt === null ? engine.pause(s, now) : engine.resume(s, now)));
const cadence = (step) => () =>
  act((s, now) => {
    const next = engine.changeCadence(s, now, step);
    const paced = engine.pacedAt(next, engine.position(next, now));
    if (paced && next !== s) setBeatPref(paced.exercise, paced.beat_ms);
    return next;
  });

const controls = {
  toggle: togglePause,
  play: () => act(engine.resume),
  pause: () => act(engine.pause),
  next: () => act(engine.skip),
  back: () => act(engine.back),
  done: () => act(engine.done),
};
$('start').addEventListener('click', begin);
$('pause').addEventListener('click', togglePause);
$('skip').addEventListener('click', () => act(engine.skip));
$('back').addEventListener('click', controls.back);
$('done').addEventListener('click', () => act(engine.done));
$('tap').addEventListener('click', () => act(engine.tap));
$('slower').addEventListener('click', cadence(-1));
$('faster').addEventListener('click', cadence(+1));
$('end').addEventListener('click', () => $('end-dialog').showModal());
$('end-dialog').addEventListener('close', () => {
  if ($('end-dialog').returnValue === 'end') act(engine.end);
  else $('pause').focus();
});
$('more').addEventListener('click', () => act(engine.addRound));
$('finish-form').addEventListener('submit', saveFinish);
$('discard').addEventListener('click', discard);
$('before').addEventListener('change', () => {
  if (rescue) return begin(); // the rescue's one tap: the score, and it starts
  setMeta('pain_before_draft', picked('pain-before'));
});
for (const button of document.querySelectorAll('[data-cue]')) {
  const cue = button.dataset.cue;
  button.setAttribute('aria-pressed', String(prefs[cue]));
  button.addEventListener('click', () => {
    setCuePref(cue, !prefs[cue]);
    prefs = cuePrefs();
    button.setAttribute('aria-pressed', String(prefs[cue]));
    if (!prefs.voice) voice.stop();
  });
}
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible' || !timer) return;
  tones.wake();
  tick(); // catch up at once: the position comes from the clock, missed cues are skipped
});
load();
