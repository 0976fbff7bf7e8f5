// The one interface every flag store implements (memory, file, and later Redis); all pass one contract suite.
import type { AuditEntry, FlagChange, RouteFlag } from '../flags/route-flag.js';

export type SetFlagResult =
  | { readonly ok: true; readonly flag: RouteFlag }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: RouteFlag | null };

export interface FlagSnapshot {
  /** Flags by route id; routes with no flag written yet are absent (they serve from the monolith). */
  readonly flags: ReadonlyMap<string, RouteFlag>;
}

export interface FlagStore {
  get(routeId: string): Promise<RouteFlag | null>;
  list(): Promise<FlagSnapshot>;
  /**
   * Compare-and-set: writes only when the stored version equals `expectedVersion` (0 = no flag yet).
   * Appends an audit entry for the write or the refusal.
   */
  set(routeId: string, change: FlagChange, expectedVersion: number, actor: string): Promise<SetFlagResult>;
  /** Records a refusal decided outside the store (auth, validation, gate) in the same audit trail. */
  recordRefusal(entry: AuditEntry): Promise<void>;
  /** Audit entries, newest first, optionally for one route. */
  audit(filter?: { routeId?: string; limit?: number }): Promise<readonly AuditEntry[]>;
  /** Calls `listener` with a fresh snapshot whenever flags change (here or in another process). Returns unsubscribe. */
  subscribe(listener: (snapshot: FlagSnapshot) => void, onError?: (error: Error) => void): () => void;
  close(): Promise<void>;
}
