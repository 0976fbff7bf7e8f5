// Structural, field-by-field difference of two JSON values, honouring ignore rules and order-insensitive arrays.
import { formatPath, patternCovers, patternEquals } from './field-path.js';
import type { PathPattern, PathSegment } from './field-path.js';

export type DifferenceKind = 'changed' | 'missing' | 'extra' | 'type';

/** One field that differs; `missing` = only in `a`, `extra` = only in `b`, `type` = JSON types differ. */
export interface Difference {
  readonly path: string;
  readonly kind: DifferenceKind;
  readonly a?: unknown;
  readonly b?: unknown;
}

export interface DiffRules {
  readonly ignore: readonly PathPattern[];
  readonly unordered: readonly PathPattern[];
}

/** Appends the differences between `a` and `b` (rooted at `path`) to `out`. */
export function diffJson(
  a: unknown,
  b: unknown,
  path: PathSegment[],
  rules: DiffRules,
  out: Difference[],
): void {
  if (isIgnored(path, rules)) return;
  const ta = jsonType(a);
  const tb = jsonType(b);
  if (ta !== tb) {
    out.push({ path: formatPath(path), kind: 'type', a, b });
    return;
  }
  if (ta === 'array') {
    const xs = a as unknown[];
    const ys = b as unknown[];
    if (rules.unordered.some((p) => patternEquals(p, path))) diffUnordered(xs, ys, path, rules, out);
    else diffOrdered(xs, ys, path, rules, out);
    return;
  }
  if (ta === 'object') {
    const xa = a as Record<string, unknown>;
    const xb = b as Record<string, unknown>;
    for (const key of Object.keys(xa)) {
      path.push(key);
      if (Object.hasOwn(xb, key)) diffJson(xa[key], xb[key], path, rules, out);
      else if (!isIgnored(path, rules)) out.push({ path: formatPath(path), kind: 'missing', a: xa[key] });
      path.pop();
    }
    for (const key of Object.keys(xb)) {
      if (Object.hasOwn(xa, key)) continue;
      path.push(key);
      if (!isIgnored(path, rules)) out.push({ path: formatPath(path), kind: 'extra', b: xb[key] });
      path.pop();
    }
    return;
  }
  if (a !== b) out.push({ path: formatPath(path), kind: 'changed', a, b });
}

function diffOrdered(
  xs: unknown[],
  ys: unknown[],
  path: PathSegment[],
  rules: DiffRules,
  out: Difference[],
): void {
  const shared = Math.min(xs.length, ys.length);
  for (let i = 0; i < Math.max(xs.length, ys.length); i += 1) {
    path.push(i);
    if (i < shared) diffJson(xs[i], ys[i], path, rules, out);
    else if (!isIgnored(path, rules)) {
      out.push(
        i < xs.length
          ? { path: formatPath(path), kind: 'missing', a: xs[i] }
          : { path: formatPath(path), kind: 'extra', b: ys[i] },
      );
    }
    path.pop();
  }
}

/**
 * Order-insensitive: elements are matched as a multiset by their canonical form (ignored fields removed), so
 * `[1,2]` equals `[2,1]`; unmatched elements are reported as missing (by their index in `a`) or extra (index in `b`).
 */
function diffUnordered(
  xs: unknown[],
  ys: unknown[],
  path: PathSegment[],
  rules: DiffRules,
  out: Difference[],
): void {
  const pool = new Map<string, number[]>();
  ys.forEach((y, j) => {
    path.push(j);
    const key = canonical(y, path, rules);
    path.pop();
    const list = pool.get(key);
    if (list === undefined) pool.set(key, [j]);
    else list.push(j);
  });
  const missing: number[] = [];
  xs.forEach((x, i) => {
    path.push(i);
    const key = canonical(x, path, rules);
    path.pop();
    const list = pool.get(key);
    if (list !== undefined && list.length > 0) list.shift();
    else missing.push(i);
  });
  for (const i of missing) {
    path.push(i);
    out.push({ path: formatPath(path), kind: 'missing', a: xs[i] });
    path.pop();
  }
  const extra = [...pool.values()].flat().sort((p, q) => p - q);
  for (const j of extra) {
    path.push(j);
    out.push({ path: formatPath(path), kind: 'extra', b: ys[j] });
    path.pop();
  }
}

/** A stable text form of a value with ignored fields dropped and object keys sorted. */
function canonical(value: unknown, path: PathSegment[], rules: DiffRules): string {
  if (isIgnored(path, rules)) return '~';
  const type = jsonType(value);
  if (type === 'array') {
    const parts = (value as unknown[]).map((v, i) => {
      path.push(i);
      const text = canonical(v, path, rules);
      path.pop();
      return text;
    });
    if (rules.unordered.some((p) => patternEquals(p, path))) parts.sort();
    return `[${parts.join(',')}]`;
  }
  if (type === 'object') {
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      path.push(key);
      if (!isIgnored(path, rules))
        parts.push(`${JSON.stringify(key)}:${canonical(record[key], path, rules)}`);
      path.pop();
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function isIgnored(path: readonly PathSegment[], rules: DiffRules): boolean {
  for (const pattern of rules.ignore) if (patternCovers(pattern, path)) return true;
  return false;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
