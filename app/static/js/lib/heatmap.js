// Lays server-computed days out as a calendar (weeks in columns, Monday on top) and groups them by
// week. Pure: no DOM, no streak rules; statuses come from the server as they are.

const DAY_MS = 86400000;

export function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayMs(date) {
  return Date.parse(date + 'T00:00:00Z');
}

/** Days from the server, extended with empty days up to `until` (YYYY-MM-DD) when it is later. */
export function extendDays(days, until) {
  const out = days.slice();
  let last = out.length ? dayMs(out[out.length - 1].date) : dayMs(until) - DAY_MS;
  while (until && last < dayMs(until)) {
    last += DAY_MS;
    out.push({ date: isoDate(last), completions: 0, status: 'none', pain_before_avg: null, pain_after_avg: null });
  }
  return out;
}

/** `days` with empty days before them, so the calendar always spans at least `count` days. */
export function padDays(days, until, count = 364) {
  const last = days.length ? dayMs(days[days.length - 1].date) : dayMs(until);
  const first = days.length ? dayMs(days[0].date) : last + DAY_MS;
  const before = [];
  for (let ms = last - (count - 1) * DAY_MS; ms < first; ms += DAY_MS) {
    before.push({ date: isoDate(ms), completions: 0, status: 'none', pain_before_avg: null, pain_after_avg: null });
  }
  return [...before, ...days];
}

/** One cell per day: its column (week), row (weekday), status and whether a run waits to sync. */
export function heatmapCells(days, pendingDates = []) {
  if (!days.length) return { cells: [], weeks: 0, months: [] };
  const pending = new Set(pendingDates);
  const offset = (new Date(dayMs(days[0].date)).getUTCDay() + 6) % 7;
  const months = [];
  const cells = days.map((day, index) => {
    const slot = index + offset;
    const week = Math.floor(slot / 7);
    if (day.date.endsWith('-01')) months.push({ week, date: day.date });
    return { ...day, week, weekday: slot % 7, pending: pending.has(day.date) };
  });
  return { cells, weeks: Math.floor((days.length - 1 + offset) / 7) + 1, months };
}

/** The last `count` calendar weeks (Monday to Sunday): days with a run and full days in each. */
export function weeklyAdherence(days, count = 8) {
  const weeks = new Map();
  for (const day of days) {
    const ms = dayMs(day.date);
    const monday = isoDate(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS);
    const week = weeks.get(monday) ?? { monday, done: 0, full: 0, days: 0 };
    week.days += 1;
    if (day.status !== 'none') week.done += 1;
    if (day.status === 'full') week.full += 1;
    weeks.set(monday, week);
  }
  return [...weeks.values()].slice(-count);
}
