// Turns the server's daily pain averages into weekly points and SVG path data. Pure: no DOM.

/** Weekly means of pain before and after (null for a week without a value), oldest first. */
export function weeklyPain(days, daysPerPoint = 7) {
  const points = [];
  for (let end = days.length; end > 0; end -= daysPerPoint) {
    const chunk = days.slice(Math.max(0, end - daysPerPoint), end);
    points.unshift({ date: chunk[0].date, before: mean(chunk, 'pain_before_avg'), after: mean(chunk, 'pain_after_avg') });
  }
  return points;
}

function mean(days, key) {
  const values = days.map((d) => d[key]).filter((v) => v !== null && v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** SVG path data for one series on a 0–10 scale; a week without a value breaks the line. */
export function pathData(points, key, width, height) {
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p[key] === null) {
      pen = false;
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - (p[key] / 10) * height).toFixed(1);
    d += `${pen ? 'L' : 'M'}${x} ${y}`;
    pen = true;
  });
  return d;
}

/** The first and the latest weekly value of a series, for the chart's text alternative. */
export function trend(points, key) {
  const values = points.map((p) => p[key]).filter((v) => v !== null);
  return values.length ? { first: values[0], last: values[values.length - 1] } : null;
}
