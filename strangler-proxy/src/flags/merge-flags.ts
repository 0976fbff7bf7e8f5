// Applies a flag snapshot from the store over the flags in use, keeping the last good flag of any route whose new value is bad.
import type { FlagSnapshot } from '../flag-stores/flag-store.js';
import { parseStoredFlag } from '../flag-stores/flag-values.js';
import type { RouteFlag } from './route-flag.js';

export interface MergedFlags {
  readonly flags: ReadonlyMap<string, RouteFlag>;
  /** Routes whose new value was refused; each keeps its previous flag (or none, which serves the monolith). */
  readonly rejected: readonly { readonly routeId: string; readonly problem: string }[];
  /** True when any route is serving a flag older than what the store holds. */
  readonly stale: boolean;
}

/**
 * A route missing from the snapshot keeps its previous flag: stores have no delete, so absence means the store
 * dropped a value it could not read, not that the route went back to the monolith.
 */
export function mergeFlags(previous: ReadonlyMap<string, RouteFlag>, snapshot: FlagSnapshot): MergedFlags {
  const incoming: ReadonlyMap<string, unknown> = snapshot.flags;
  const flags = new Map(previous);
  // The store reports values it could not read; values it passes are checked again, as the store may be older code.
  const rejected: { routeId: string; problem: string }[] = [...(snapshot.invalid ?? [])];
  for (const [routeId, value] of incoming) {
    const parsed = parseStoredFlag(routeId, value);
    if (parsed.ok) flags.set(routeId, parsed.flag);
    else rejected.push({ routeId, problem: parsed.problem });
  }
  let missing = false;
  for (const routeId of previous.keys()) if (!incoming.has(routeId)) missing = true;
  for (const { routeId } of rejected) if (!incoming.has(routeId)) missing = true;
  return { flags, rejected, stale: rejected.length > 0 || missing };
}
