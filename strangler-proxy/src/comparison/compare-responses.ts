// Compares two recorded responses (status, chosen headers, body) and names every field that differs; pure.
import { createHash } from 'node:crypto';
import { ProxyError } from '../errors.js';
import { formatPath, parsePathPattern, patternCovers } from './field-path.js';
import type { PathPattern } from './field-path.js';
import { diffJson } from './json-diff.js';
import type { Difference, DiffRules } from './json-diff.js';

export type { Difference, DifferenceKind } from './json-diff.js';

/** A response as the comparison sees it; header names in any case. */
export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
}

export interface CompareOptions {
  /** Paths left out of the comparison: `headers.date`, `body.generatedAt`, `body.items[*].updatedAt`. */
  readonly ignore?: readonly string[];
  /** Array paths compared as multisets: `body.items`, `body.items[*].tags`. */
  readonly unorderedArrays?: readonly string[];
  /** Header names compared (case-insensitive); default `content-type`. */
  readonly headers?: readonly string[];
}

export interface ComparisonResult {
  /** True when no difference is left after the ignore rules. */
  readonly match: boolean;
  readonly differences: readonly Difference[];
  /** How the bodies were compared: structurally as JSON, or by SHA-256 digest. */
  readonly bodyMode: 'json' | 'digest';
}

/** Options parsed once; build them with `compileCompareOptions` when comparing many responses with one rule set. */
export interface CompiledCompareOptions {
  readonly rules: DiffRules;
  readonly headers: readonly string[];
}

export const DEFAULT_COMPARED_HEADERS: readonly string[] = ['content-type'];

/** Parses the path options; throws FICUS_PROXY_COMPARE_BAD_PATH naming every malformed path. */
export function compileCompareOptions(options: CompareOptions = {}): CompiledCompareOptions {
  const bad: string[] = [];
  const parse = (list: readonly string[] | undefined): PathPattern[] =>
    (list ?? []).flatMap((source) => {
      const pattern = parsePathPattern(source);
      if (pattern === undefined) bad.push(source);
      return pattern === undefined ? [] : [pattern];
    });
  const rules: DiffRules = { ignore: parse(options.ignore), unordered: parse(options.unorderedArrays) };
  if (bad.length > 0) {
    throw new ProxyError('FICUS_PROXY_COMPARE_BAD_PATH', `malformed comparison path: ${bad.join(', ')}`);
  }
  const headers = [...new Set((options.headers ?? DEFAULT_COMPARED_HEADERS).map((h) => h.toLowerCase()))];
  return { rules, headers };
}

/** `a` is the reference (the monolith), `b` the candidate (the service): `missing` = only in a, `extra` = only in b. */
export function compareResponses(
  a: RecordedResponse,
  b: RecordedResponse,
  options: CompareOptions | CompiledCompareOptions = {},
): ComparisonResult {
  const compiled = 'rules' in options ? options : compileCompareOptions(options);
  const { rules } = compiled;
  const out: Difference[] = [];
  if (a.status !== b.status && !covered(rules, ['status'])) {
    out.push({ path: 'status', kind: 'changed', a: a.status, b: b.status });
  }
  for (const name of compiled.headers) {
    if (covered(rules, ['headers', name])) continue;
    const va = headerValue(a.headers, name);
    const vb = headerValue(b.headers, name);
    if (va === vb) continue;
    const path = formatPath(['headers', name]);
    if (vb === undefined) out.push({ path, kind: 'missing', a: va });
    else if (va === undefined) out.push({ path, kind: 'extra', b: vb });
    else out.push({ path, kind: 'changed', a: va, b: vb });
  }
  const bodyMode = compareBodies(a, b, rules, out);
  return { match: out.length === 0, differences: out, bodyMode };
}

function compareBodies(
  a: RecordedResponse,
  b: RecordedResponse,
  rules: DiffRules,
  out: Difference[],
): 'json' | 'digest' {
  // Equal bytes need no parse: the common case of a healthy service costs one memcmp.
  const typeA = headerValue(a.headers, 'content-type');
  if (sameBytes(a.body, b.body)) return looksJson(a.body, typeA) ? 'json' : 'digest';
  const ja = parseJsonBody(a.body, typeA);
  const jb = parseJsonBody(b.body, headerValue(b.headers, 'content-type'));
  if (ja.ok && jb.ok) {
    diffJson(ja.value, jb.value, ['body'], rules, out);
    return 'json';
  }
  if (covered(rules, ['body'])) return 'digest';
  const da = digest(a.body);
  const db = digest(b.body);
  if (da !== db) out.push({ path: 'body', kind: 'changed', a: da, b: db });
  return 'digest';
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function sameBytes(a: Buffer | string, b: Buffer | string): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  const x = typeof a === 'string' ? Buffer.from(a) : a;
  const y = typeof b === 'string' ? Buffer.from(b) : b;
  return x.equals(y);
}

function looksJson(body: Buffer | string, contentType: string | undefined): boolean {
  return (
    declaresJson(contentType) ||
    opensLikeJson(typeof body === 'string' ? body : body.subarray(0, 64).toString('utf8'))
  );
}

function declaresJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /[/+]json\b/i.test(contentType);
}

function opensLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/** JSON when the media type says so (`application/json`, `+json`) or the text looks like an object or array. */
function parseJsonBody(body: Buffer | string, contentType: string | undefined): Parsed {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (!declaresJson(contentType) && !opensLikeJson(text)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function digest(body: Buffer | string): string {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return `sha256:${createHash('sha256').update(bytes).digest('hex')} (${bytes.length} bytes)`;
}

function covered(rules: DiffRules, path: readonly (string | number)[]): boolean {
  return rules.ignore.some((p) => patternCovers(p, path));
}

/** A header's value by its lower-case name, without copying the record: recorded names are mostly lower case. */
function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  if (Object.hasOwn(headers, name)) return headers[name];
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}
