// Reads the canary key a route's `stickyBy` names from a request's headers or client address.
import type { StickyBy } from './route-flag.js';

export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/** The key, or null when the request does not carry one (an absent or empty header or cookie). */
export function stickyKey(stickyBy: StickyBy, headers: HeaderBag, clientIp: string): string | null {
  if (stickyBy === 'ip') return clientIp === '' ? null : clientIp;
  if (stickyBy.startsWith('header:')) {
    const value = headers[stickyBy.slice(7).toLowerCase()];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined || first === '' ? null : first;
  }
  const cookie = headers.cookie;
  if (typeof cookie !== 'string') return null;
  return cookieValue(cookie, stickyBy.slice(7));
}

function cookieValue(header: string, name: string): string | null {
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    if (pair.slice(0, eq).trim() === name) {
      const value = pair.slice(eq + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}
