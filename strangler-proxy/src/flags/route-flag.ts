// The dynamic state of one route: its stage and the numbers that go with it (DESIGN.md §2, "Dynamic state").

export const STAGES = ['monolith', 'shadow', 'canary', 'service'] as const;
export type Stage = (typeof STAGES)[number];

/** Where the canary key comes from: `header:NAME`, `cookie:NAME` or `ip`. */
export type StickyBy = `header:${string}` | `cookie:${string}` | 'ip';

export interface RouteFlag {
  readonly routeId: string;
  readonly stage: Stage;
  /** Canary share in percent, 0–100 in steps of 0.01; 0 unless the stage is `canary`. */
  readonly percent: number;
  /** Share of monolith-served requests copied to the service, 0–100. */
  readonly shadowPercent: number;
  readonly stickyBy: StickyBy;
  /** Compare-and-set token: starts at 1 on the first write and grows by one on every write. */
  readonly version: number;
  /** ISO 8601 time of the last write. */
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly reason: string;
}

/** What a writer asks for; the store fills in `version`, `updatedAt`. */
export interface FlagChange {
  readonly stage: Stage;
  readonly percent?: number;
  readonly shadowPercent?: number;
  readonly stickyBy?: StickyBy;
  readonly reason: string;
}

/** One line of the audit trail: every write and every refused write (flags, and evidence resets). */
export interface AuditEntry {
  readonly at: string;
  readonly routeId: string;
  readonly actor: string;
  readonly from: Pick<RouteFlag, 'stage' | 'percent' | 'shadowPercent' | 'version'> | null;
  readonly to: Pick<RouteFlag, 'stage' | 'percent' | 'shadowPercent'> | null;
  readonly reason: string;
  /** `ok`, or why the write was refused: `conflict`, `forbidden`, `unauthenticated`, `invalid`, `gated`. */
  readonly result: 'ok' | 'conflict' | 'forbidden' | 'unauthenticated' | 'invalid' | 'gated';
  readonly detail?: string;
  /**
   * What was attempted: absent or `flag` = a flag write (every entry written before this field existed);
   * `reset-evidence` = clearing the route's shadow evidence (`DELETE /routes/:id/diffs`), whose `to` is null.
   */
  readonly action?: 'flag' | 'reset-evidence';
}
