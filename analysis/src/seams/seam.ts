// A candidate service: the files it would take, what it would own, and what it would cost to cut out.

export interface Seam {
  /** Stable within one result: derived from the name. */
  readonly id: string;
  readonly name: string;
  /** Shared infrastructure (used by many seams, no routes of its own): a library to copy or publish, not a service. */
  readonly shared: boolean;
  readonly files: readonly string[];
  /** Routes whose handler lives in the seam, as `METHOD /path`. */
  readonly routes: readonly string[];
  /** Tables the seam would own (it writes or reads them most). */
  readonly tables: readonly string[];
  /** Tables the seam uses that other (non-shared) seams use too. */
  readonly sharedTables: readonly string[];
  /** File-to-file dependencies that would become remote calls: from other seams in, and out to them. */
  readonly cuts: { readonly incoming: number; readonly outgoing: number };
  /** Import cycles that run through the seam's boundary and must be broken first. */
  readonly cycles: number;
  /** 0–100, higher is cheaper to extract; see docs/metrics.md. */
  readonly score: number;
  readonly rationale: string;
}

export const SHARED_SEAM_NAME = 'shared-infrastructure';
