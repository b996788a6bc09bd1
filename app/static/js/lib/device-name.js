// A name for this device that a person recognises in the devices list.

export function guessDeviceName(ua = globalThis.navigator?.userAgent ?? '') {
  const system = [['Android', /Android/], ['iPhone', /iPhone/], ['iPad', /iPad/], ['Mac', /Macintosh/], ['Windows', /Windows/], ['Linux', /Linux/]]
    .find(([, re]) => re.test(ua))?.[0];
  const browser = [['Edge', /Edg\//], ['Firefox', /Firefox\//], ['Chrome', /Chrom(e|ium)\//], ['Safari', /Safari\//]]
    .find(([, re]) => re.test(ua))?.[0];
  return [browser, system].filter(Boolean).join(' on ') || 'This device';
}
