// Parses a raw request target once into the canonical path that is routed on and forwarded, or says why it cannot.
//
// Policy (issue #3, DESIGN.md §2 "Canonicalise"):
// - origin-form `/p?q` is the norm; absolute-form `http://host/p?q` (RFC 9112 §3.2.2) keeps only path and query;
//   anything else (`*`, authority-form, userinfo in the authority, a `#` fragment) is rejected.
// - Percent-encoded unreserved characters (RFC 3986 §2.3: ALPHA DIGIT - . _ ~) are decoded; every other
//   percent-encoding is kept with upper-case hex (§6.2.2.1). Encoded `/` (%2F), `\` (%5C), NUL and other control
//   bytes are rejected: an upstream that decodes them would see a different path than the one we routed.
// - A raw `\` or control character is rejected; other characters outside RFC 3986 `pchar` are percent-encoded.
// - Dot segments are resolved (§5.2.4) after decoding, so `%2e%2e` counts as `..`; a `..` above the root is rejected.
// - `//` is collapsed when `mergeSlashes` is on.
// - `;` is an ordinary character: matrix parameters are not stripped, so `/a;x` is routed and forwarded as `/a;x`.
// - Paths are case-sensitive; the query string is forwarded byte for byte.

export type CanonicalTarget =
  | { readonly ok: true; readonly path: string; readonly query: string }
  | { readonly ok: false; readonly reason: string };

export interface CanonicalizeOptions {
  readonly mergeSlashes: boolean;
}

const PLAIN = 1; // kept as is
const ENCODE = 2; // printable but not a pchar: percent-encoded
const REJECT = 3;

// ASCII classes: unreserved, sub-delims, ':', '@' and '/' are plain; '%' and '.' need a look (class 0).
const CLASS = new Uint8Array(256).fill(ENCODE);
for (let c = 0; c < 0x20; c++) CLASS[c] = REJECT;
CLASS[0x7f] = REJECT;
CLASS[0x5c] = REJECT; // '\'
CLASS[0x23] = REJECT; // '#'
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_~!$&'()*+,;=:@/") {
  CLASS[ch.charCodeAt(0)] = PLAIN;
}
CLASS[0x25] = 0; // '%'
CLASS[0x2e] = 0; // '.'

const UNRESERVED = new Uint8Array(256);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~')
  UNRESERVED[ch.charCodeAt(0)] = 1;

const HEX = '0123456789ABCDEF';

function fail(reason: string): CanonicalTarget {
  return { ok: false, reason };
}

export function canonicalizePath(target: string, options: CanonicalizeOptions): CanonicalTarget {
  let rest = target;
  if (rest.charCodeAt(0) !== 0x2f) {
    const absolute = /^https?:\/\/([^/?#]*)/i.exec(rest);
    if (absolute === null) return fail('the request target must be a path starting with "/"');
    if (absolute[1]!.includes('@')) return fail('the request target must not carry userinfo');
    rest = rest.slice(absolute[0].length);
    if (rest === '' || rest.charCodeAt(0) === 0x3f) rest = `/${rest}`;
  }
  const q = rest.indexOf('?');
  const rawPath = q === -1 ? rest : rest.slice(0, q);
  const query = q === -1 ? '' : rest.slice(q);
  if (query.includes('#')) return fail('the request target must not carry a fragment');

  // Fast path: nothing to decode, encode, resolve or collapse.
  let simple = true;
  for (let i = 0; i < rawPath.length; i++) {
    const c = rawPath.charCodeAt(i);
    if (c > 0xff || CLASS[c] !== PLAIN || (c === 0x2f && rawPath.charCodeAt(i + 1) === 0x2f)) {
      simple = false;
      break;
    }
  }
  if (simple) return { ok: true, path: rawPath, query };

  let decoded = '';
  for (let i = 0; i < rawPath.length; i++) {
    const c = rawPath.charCodeAt(i);
    if (c > 0xff) return fail('the request target has a character outside Latin-1');
    const kind = CLASS[c];
    if (kind === REJECT) return fail(c === 0x5c ? 'a "\\" in the path' : 'a control character in the path');
    if (kind === ENCODE) {
      decoded += `%${HEX[c >> 4]}${HEX[c & 15]}`;
    } else if (c === 0x25) {
      const byte = parseInt(rawPath.slice(i + 1, i + 3), 16);
      if (!/^[0-9A-Fa-f]{2}$/.test(rawPath.slice(i + 1, i + 3)))
        return fail('an invalid percent-encoding in the path');
      if (byte === 0x2f || byte === 0x5c) return fail('an encoded "/" or "\\" in the path');
      if (byte < 0x20 || byte === 0x7f) return fail('an encoded control character in the path');
      decoded += UNRESERVED[byte] === 1 ? String.fromCharCode(byte) : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
      i += 2;
    } else {
      decoded += rawPath[i];
    }
  }

  const segments = decoded.split('/');
  const out: string[] = [];
  let trailing = false;
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (segment === '.') {
      trailing = last;
    } else if (segment === '..') {
      if (out.length === 0) return fail('a ".." above the root');
      out.pop();
      trailing = last;
    } else if (segment === '') {
      if (last) trailing = true;
      else if (!options.mergeSlashes) out.push('');
    } else {
      out.push(segment);
      trailing = false;
    }
  }
  const path = `/${out.join('/')}${trailing && out.length > 0 ? '/' : ''}`;
  return { ok: true, path, query };
}
