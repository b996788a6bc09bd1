// Times as the API writes them: RFC 3339 in the device's own offset, and its IANA zone.

const pad = (n, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, '0');

/** `ms` since the epoch as local RFC 3339 with the offset, e.g. 2026-11-22T07:02:11+01:00. */
export function localIso(ms) {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(off / 60)}:${pad(off % 60)}`
  );
}

export const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
