// Hop-by-hop header hygiene (RFC 9110 §7.6.1): these headers describe one connection and never cross the proxy.
import type { IncomingHttpHeaders } from 'node:http';

export type HeaderObject = Record<string, string | string[]>;

/** RFC 9110 §7.6.1 plus the legacy `Proxy-Connection` and `Keep-Alive`, in lower case as Node delivers them. */
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'transfer-encoding',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
  'trailer',
]);

/** Headers named by a `Connection` header are hop-by-hop too (RFC 9110 §7.6.1). */
export function connectionListed(connection: string | string[] | undefined): Set<string> | null {
  if (connection === undefined) return null;
  const listed = new Set<string>();
  for (const part of (Array.isArray(connection) ? connection.join(',') : connection).split(',')) {
    const name = part.trim().toLowerCase();
    if (name !== '') listed.add(name);
  }
  return listed;
}

/** undici's raw response headers, minus hop-by-hop ones, as the flat `[name, value, …]` list `writeHead` takes. */
export function responseHeaderPairs(raw: readonly Buffer[]): string[] {
  let listed: Set<string> | null = null;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.length === 10 && raw[i]!.toString('latin1').toLowerCase() === 'connection') {
      listed = connectionListed(raw[i + 1]!.toString('latin1'));
    }
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1');
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || (listed !== null && listed.has(lower))) continue;
    out.push(name, raw[i + 1]!.toString('latin1'));
  }
  return out;
}

/**
 * The client's request headers that may go upstream: hop-by-hop ones, those named in `Connection`, and the
 * names in `drop` (forwarding headers we rebuild, our own control headers) are left out.
 */
export function requestHeadersForUpstream(
  headers: IncomingHttpHeaders,
  drop: ReadonlySet<string>,
): HeaderObject {
  const listed = connectionListed(headers.connection);
  const out: HeaderObject = {};
  for (const name in headers) {
    const value = headers[name];
    if (
      value === undefined ||
      HOP_BY_HOP.has(name) ||
      drop.has(name) ||
      (listed !== null && listed.has(name))
    )
      continue;
    out[name] = value;
  }
  return out;
}
