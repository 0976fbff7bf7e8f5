// The one interface every flag store implements (memory, file, and later Redis); all pass one contract suite.
import type { AuditEntry, FlagChange, RouteFlag } from '../flags/route-flag.js';

/** Milliseconds since the epoch, like `Date.now`; injected so tests control `updatedAt` and audit times. */
export type Clock = () => number;

export type SetFlagResult =
  | { readonly ok: true; readonly flag: RouteFlag }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: RouteFlag | null }
  /** The change itself is not a valid flag (percent out of range, bad `stickyBy`, …); nothing was written. */
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly string[] };

/** A stored value that failed validation: the route is left out of `flags`, and the proxy keeps its last good flag. */
export interface InvalidFlag {
  readonly routeId: string;
  readonly problem: string;
  /** The stored version when it is readable: a write that repairs the value must name it in its compare-and-set. */
  readonly version?: number;
}

export interface FlagSnapshot {
  /** Flags by route id; routes with no flag written yet are absent (they serve from the monolith). */
  readonly flags: ReadonlyMap<string, RouteFlag>;
  /**
   * Routes whose stored value is unreadable. They are absent from `flags`; a consumer keeps whatever flag it last
   * applied for them (and reports them), so one bad value degrades one route's change, never the data plane.
   */
  readonly invalid?: readonly InvalidFlag[];
}

export interface FlagStore {
  get(routeId: string): Promise<RouteFlag | null>;
  list(): Promise<FlagSnapshot>;
  /**
   * Compare-and-set: writes only when the stored version equals `expectedVersion` (0 = no flag yet).
   * Appends an audit entry for the write or the refusal.
   */
  set(routeId: string, change: FlagChange, expectedVersion: number, actor: string): Promise<SetFlagResult>;
  /** Appends an entry decided outside the store (a refusal by auth, validation or the gate; an evidence reset). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Audit entries, newest first, optionally for one route. */
  audit(filter?: { routeId?: string; limit?: number }): Promise<readonly AuditEntry[]>;
  /**
   * Calls `listener` with a fresh snapshot whenever flags change (here or in another process); it does not replay
   * the current state (call `list()` for that). `onError` hears about an unreadable store; the last good snapshot
   * stays in force. Returns unsubscribe.
   */
  subscribe(listener: (snapshot: FlagSnapshot) => void, onError?: (error: Error) => void): () => void;
  close(): Promise<void>;
}
