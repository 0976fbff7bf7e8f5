// X-Forwarded-For/-Proto/-Host and Forwarded (RFC 7239): set by the proxy, kept from the client only if the peer is trusted.
import { BlockList, isIPv6 } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import type { HeaderObject } from './hop-by-hop.js';

export const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'forwarded',
] as const;

export interface TrustedPeers {
  has(address: string): boolean;
}

export function trustedPeers(entries: readonly string[]): TrustedPeers {
  if (entries.length === 0) return { has: () => false };
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return { has: (address) => address !== '' && list.check(address, isIPv6(address) ? 'ipv6' : 'ipv4') };
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is reported as `127.0.0.1`. */
export function peerAddress(remote: string | undefined): string {
  if (remote === undefined) return '';
  return remote.startsWith('::ffff:') && remote.includes('.') ? remote.slice(7) : remote;
}

/**
 * The address the request came from: the peer, or, behind trusted proxies, the right-most X-Forwarded-For entry
 * that is not itself a trusted proxy (the left-most entries are whatever the client chose to send).
 */
export function clientAddress(peer: string, headers: IncomingHttpHeaders, trusted: TrustedPeers): string {
  if (!trusted.has(peer)) return peer;
  const xff = headers['x-forwarded-for'];
  if (typeof xff !== 'string') return peer;
  const hops = xff.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!.trim();
    if (hop !== '' && !trusted.has(hop)) return hop;
  }
  return peer;
}

function forwardedNode(address: string): string {
  return isIPv6(address) ? `"[${address}]"` : address;
}

function forwardedValue(value: string): string {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value) ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** Adds the four forwarding headers to `out` (which holds none of them yet). */
export function setForwardingHeaders(
  out: HeaderObject,
  headers: IncomingHttpHeaders,
  peer: string,
  peerTrusted: boolean,
): void {
  const host = headers.host ?? '';
  const proto = 'http';
  const element = `for=${forwardedNode(peer)};proto=${proto}${host === '' ? '' : `;host=${forwardedValue(host)}`}`;
  const priorXff = peerTrusted ? headers['x-forwarded-for'] : undefined;
  const priorForwarded = peerTrusted ? headers.forwarded : undefined;
  out['x-forwarded-for'] = priorXff ? `${priorXff}, ${peer}` : peer;
  out['x-forwarded-proto'] = (peerTrusted && firstValue(headers['x-forwarded-proto'])) || proto;
  const forwardedHost = (peerTrusted && firstValue(headers['x-forwarded-host'])) || host;
  if (forwardedHost !== '') out['x-forwarded-host'] = forwardedHost;
  out.forwarded = priorForwarded ? `${priorForwarded}, ${element}` : element;
}

function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
