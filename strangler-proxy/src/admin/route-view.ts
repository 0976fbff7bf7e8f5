// What the admin API shows for one route: its static definition, its stored flag and the data plane's view of it.
import type { RouteConfig } from '../config/ficus-config.js';
import type { FlagSnapshot } from '../flag-stores/flag-store.js';
import type { RouteFlag, Stage } from '../flags/route-flag.js';
import type { RouteStats } from './runtime-view.js';

export interface RouteView {
  readonly id: string;
  readonly path: string;
  readonly methods: readonly string[];
  readonly service: string;
  readonly owner: string;
  readonly fallback: boolean;
  readonly timeoutMs: number;
  /** The stored flag; null when none was ever written (the route serves from the monolith). */
  readonly flag: RouteFlag | null;
  /** The stage in force: the flag's, or `monolith` without one. */
  readonly stage: Stage;
  /** The flag version (0 = no flag yet); the resource's ETag and what `If-Match` must carry. */
  readonly version: number;
  /** The version the data plane applies right now; below `version` only briefly, while a change propagates. */
  readonly appliedVersion: number;
  /** Why the stored value is not in force, when the store holds a bad value for this route. */
  readonly flagProblem: string | null;
  readonly stats: RouteStats | null;
}

export function routeView(
  route: RouteConfig,
  stored: FlagSnapshot,
  applied: FlagSnapshot,
  stats: RouteStats | null,
): RouteView {
  const flag = stored.flags.get(route.id) ?? null;
  const invalid = stored.invalid?.find((entry) => entry.routeId === route.id);
  return {
    id: route.id,
    path: route.path,
    methods: route.methods,
    service: route.service,
    owner: route.owner,
    fallback: route.fallback,
    timeoutMs: route.timeoutMs,
    flag,
    stage: flag?.stage ?? 'monolith',
    version: flag?.version ?? invalid?.version ?? 0,
    appliedVersion: applied.flags.get(route.id)?.version ?? 0,
    flagProblem: invalid?.problem ?? null,
    stats,
  };
}

/** A strong ETag carrying the version (RFC 9110 §8.8.3); `If-Match` accepts it quoted or bare. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/** The version in `If-Match`, or null. `*`, lists and weak tags are refused: If-Match compares strongly (RFC 9110 §13.1.1). */
export function parseIfMatch(value: string): number | null {
  const match = /^\s*"?(\d{1,15})"?\s*$/.exec(value);
  return match?.[1] === undefined ? null : Number(match[1]);
}
