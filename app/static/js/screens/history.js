// The history screen: the server's statistics (or the last copy kept on this device) and the runs
// still waiting to sync. No streak rules here: every status and count comes from /api/v1/stats.
import { dirtyCompletions, getMeta, setMeta } from '../device/store.js';
import { api, deviceToken } from '../lib/api.js';
import { deviceZone } from '../lib/dates.js';
import { $, el as html } from '../lib/dom.js';
import { extendDays, heatmapCells, padDays, weeklyAdherence } from '../lib/heatmap.js';
import { pathData, trend, weeklyPain } from '../lib/painchart.js';

const SVG = 'http://www.w3.org/2000/svg';
const CELL = 12;
const ZOOM = 1.4; // a 12-unit cell shows at about 17 px, a comfortable tap
const dayName = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const weekName = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const utc = (date) => new Date(date + 'T00:00:00Z');
const plural = (n, word, many = word + 's') => `${n} ${n === 1 ? word : many}`;
const STATUS_TEXT = { full: 'full day', partial: 'some runs', none: 'no run' };

async function freshStats() {
  const tz = encodeURIComponent(deviceZone());
  const [stats, { weeks }] = await Promise.all([api('/stats?tz=' + tz), api(`/stats/weeks?weeks=12&tz=${tz}`)]);
  stats.weeks = weeks; // kept with the rest, for offline
  await setMeta('stats', { saved_at: new Date().toISOString(), stats });
  return stats;
}

async function load() {
  const token = await deviceToken();
  let stats = null;
  let note = 'Up to date.';
  let signedOut = false;
  if (token) stats = await freshStats().catch((failed) => void (signedOut = failed.status === 401));
  if (!stats) {
    const kept = await getMeta('stats');
    stats = kept?.stats ?? null;
    const when = stats && new Date(kept.saved_at).toLocaleString();
    if (stats) note = `${signedOut ? 'Signed out (sign in again to update it)' : 'Offline'}: showing what was last synced, as of ${when}.`;
  }
  const pending = ((await dirtyCompletions()) ?? []).filter((r) => !r.deleted);
  render(stats, pending);
  $('history-start').hidden = Boolean(stats?.days?.some((d) => d.status !== 'none') || pending.length);
  $('history-status').textContent = stats ? note : pending.length ? 'Your streaks appear here once your runs reach the server.' : '';
}

function render(stats, pending) {
  const today = stats?.today ?? new Date().toISOString().slice(0, 10);
  const pendingDates = pending.map((r) => r.started_at.slice(0, 10));
  const days = extendDays(stats?.days ?? [], [today, ...pendingDates].sort().pop());
  $('current-streak').textContent = stats ? plural(stats.current_streak, 'day') : '–';
  $('longest-streak').textContent = stats ? plural(stats.longest_streak, 'day') : '–';
  $('full-day-streak').textContent = stats ? plural(stats.full_day_streak, 'day') : '–';
  $('strength').textContent = stats ? Math.round(stats.strength * 100) + '%' : '–';
  drawHeatmap(padDays(days, today), pendingDates);
  drawPain(days);
  drawWeeks(days);
  drawPending(pending);
  drawSides(stats?.weeks ?? []);
  $('history').hidden = false;
  $('heatmap').scrollLeft = 1e6; // the latest weeks first
}

function el(name, attrs = {}, text = '') {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function drawHeatmap(days, pendingDates) {
  const { cells, weeks, months } = heatmapCells(days, pendingDates);
  const svg = el('svg', { viewBox: `0 0 ${(weeks + 2) * CELL} ${8 * CELL}`, role: 'img', 'aria-labelledby': 'heatmap-summary' });
  // Drawn at a fixed cell size: stretching a few weeks to the screen's width made one giant square.
  svg.style.width = `${(weeks + 2) * CELL * ZOOM}px`; // two more columns: room for the last month name
  svg.style.height = `${8 * CELL * ZOOM}px`;
  for (const m of months) svg.append(el('text', { x: m.week * CELL, y: CELL - 3, class: 'month' }, monthName.format(utc(m.date))));
  for (const c of cells) {
    const x = c.week * CELL;
    const y = (c.weekday + 1) * CELL;
    const g = el('g', { 'data-date': c.date, 'data-status': c.status, ...(c.pending ? { 'data-pending': 'true' } : {}) });
    g.append(el('rect', { x: x + 1, y: y + 1, width: 10, height: 10, rx: 2, class: 'cell ' + c.status }));
    if (c.status === 'partial') g.append(el('path', { d: `M${x + 1} ${y + 11} ${x + 11} ${y + 1} ${x + 11} ${y + 11}Z`, class: 'half' }));
    if (c.pending) g.append(el('circle', { cx: x + 6, cy: y + 6, r: 2.5, class: 'pending' }));
    const runs = c.completions ? ', ' + plural(c.completions, 'full run') : '';
    g.append(el('title', {}, `${dayName.format(utc(c.date))}: ${STATUS_TEXT[c.status]}${runs}${c.pending ? ', a run not synced yet' : ''}`));
    svg.append(g);
  }
  $('heatmap').replaceChildren(svg);
  const count = (s) => cells.filter((c) => c.status === s).length;
  const waiting = new Set(pendingDates).size;
  $('heatmap-summary').textContent =
    `Over these ${cells.length} days: ${plural(count('full'), 'full day')}, ${plural(count('partial'), 'day', 'days')} with some runs, ` +
    `${plural(count('none'), 'day')} without a run` + (waiting ? `, and ${plural(waiting, 'day')} with a run not synced yet.` : '.');
}

function drawPain(days) {
  const points = weeklyPain(days.slice(-182));
  const width = 300;
  const height = 100;
  const svg = el('svg', { viewBox: `-16 -6 ${width + 22} ${height + 12}`, role: 'img', 'aria-labelledby': 'pain-summary' });
  for (const level of [0, 5, 10]) {
    svg.append(el('path', { d: `M0 ${height - level * 10}H${width}`, class: 'grid' }));
    svg.append(el('text', { x: -4, y: height - level * 10 + 3, 'text-anchor': 'end', class: 'month' }, String(level)));
  }
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  for (const key of ['before', 'after']) {
    svg.append(el('path', { d: pathData(points, key, width, height), class: 'line ' + key }));
    points.forEach((p, i) => {
      if (p[key] === null) return;
      const attrs = { class: 'dot ' + key, 'data-week': p.date };
      const x = i * step;
      const y = height - p[key] * 10;
      svg.append(key === 'before' ? el('circle', { ...attrs, cx: x, cy: y, r: 3 }) : el('rect', { ...attrs, x: x - 3, y: y - 3, width: 6, height: 6 }));
    });
  }
  $('painchart').replaceChildren(svg);
  const before = trend(points, 'before');
  const after = trend(points, 'after');
  const say = (t) => `${t.first.toFixed(1)} at first, ${t.last.toFixed(1)} lately`;
  $('pain-summary').textContent = before || after
    ? `Weekly average pain on the 0–10 scale over the last six months. Before a run: ${before ? say(before) : 'not logged'}. After a run: ${after ? say(after) : 'not logged'}.`
    : 'No pain scores logged in the last six months yet.';
}

function drawWeeks(days) {
  const items = weeklyAdherence(days).reverse().map((w) => {
    const sofar = w.days < 7 ? ' so far' : '';
    const label = html('span', `Week of ${weekName.format(utc(w.monday))}: runs on ${w.done} of ${w.days} days${sofar}, ${w.full} full`);
    const bar = html('progress', '', { max: w.days, value: w.done });
    bar.setAttribute('aria-hidden', 'true');
    const li = html('li');
    li.append(label, bar);
    return li;
  });
  $('weeks').replaceChildren(...items);
}

function drawSides(weeks) {
  const told = weeks.filter((w) => w.weaker_side && w.weaker_side.left + w.weaker_side.right + w.weaker_side.same);
  $('sides-empty').hidden = told.length > 0;
  $('sides').replaceChildren(
    ...told.reverse().map(({ week_start: monday, weaker_side: side }) =>
      html('li', `Week of ${weekName.format(utc(monday))}: left weaker ${plural(side.left, 'time')}, right weaker ${plural(side.right, 'time')}, the same ${plural(side.same, 'time')}`)),
  );
}

function drawPending(pending) {
  $('pending').hidden = !pending.length;
  $('pending-list').replaceChildren(
    ...pending.map((r) => html('li', `${r.routine}, ${new Date(r.started_at).toLocaleString()}${r.steps_done < r.steps_total ? ' (stopped early)' : ''}`)),
  );
}

load();
window.addEventListener('squeeze:completion-saved', load);
window.addEventListener('online', load);
window.addEventListener('squeeze:sync-state', (event) => event.detail.signedIn && !event.detail.syncing && !event.detail.failed && load());
