// Field paths of a recorded response (`status`, `headers.date`, `body.items[3].rating`) and the patterns that match them.

/** One step of a path: an object key or an array index; `*` in a pattern matches any key, `[*]` any index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** Renders segments as a path: `body.items[3].rating`; keys that are not identifiers are quoted: `body["a b"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** A parsed pattern; `null` segments are wildcards (`*` for keys, `[*]` for indexes). */
export interface PathPattern {
  readonly source: string;
  readonly segments: readonly (PathSegment | null)[];
}

/** Parses `body.items[*].updatedAt`, `headers.date`, `body["odd key"]`; returns undefined for malformed text. */
export function parsePathPattern(source: string): PathPattern | undefined {
  const segments: (PathSegment | null)[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '.') {
      if (segments.length === 0) return undefined;
      i += 1;
      continue;
    }
    if (ch === '[') {
      const end = source.indexOf(']', i);
      if (end < 0) return undefined;
      const inner = source.slice(i + 1, end);
      if (inner === '*') segments.push(null);
      else if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (inner.startsWith('"')) {
        const quotedEnd = closingQuote(source, i + 1);
        if (quotedEnd < 0 || source[quotedEnd + 1] !== ']') return undefined;
        try {
          segments.push(JSON.parse(source.slice(i + 1, quotedEnd + 1)) as string);
        } catch {
          return undefined;
        }
        i = quotedEnd + 2;
        continue;
      } else return undefined;
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < source.length && source[end] !== '.' && source[end] !== '[') end += 1;
    const key = source.slice(i, end);
    if (key === '') return undefined;
    segments.push(key === '*' ? null : key);
    i = end;
  }
  if (segments.length === 0) return undefined;
  return { source, segments };
}

function closingQuote(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** True when the pattern matches the path or one of its ancestors (ignoring `body.meta` ignores all below it). */
export function patternCovers(pattern: PathPattern, path: readonly PathSegment[]): boolean {
  if (pattern.segments.length > path.length) return false;
  for (let i = 0; i < pattern.segments.length; i += 1) {
    const want = pattern.segments[i];
    const got = path[i];
    if (want === null) continue;
    // Header names are case-insensitive (RFC 9110 §5.1), so `headers.Date` covers `headers.date`.
    if (i === 1 && path[0] === 'headers' && typeof want === 'string' && typeof got === 'string') {
      if (want.toLowerCase() !== got.toLowerCase()) return false;
      continue;
    }
    if (want !== got) return false;
  }
  return true;
}

/** True when the pattern names exactly this path (same length), for per-path options such as unordered arrays. */
export function patternEquals(pattern: PathPattern, path: readonly PathSegment[]): boolean {
  return pattern.segments.length === path.length && patternCovers(pattern, path);
}

/** Replaces array indexes with `[*]`, so the same field of every element counts as one field. */
export function generalizePath(path: string): string {
  return path.replace(/\[\d+\]/g, '[*]');
}
