// The proxy's read side of the shadow evidence: snapshots from the worker, merged with the copies skipped here.
import { RouteEvidence } from '../comparison/evidence-book.js';
import type { EvidenceLimits, EvidenceSummary, ShadowSkip } from '../comparison/evidence-book.js';

/** What the admin API, the promotion gate, the metrics and tests read; at most `SNAPSHOT_MS` behind the worker. */
export interface EvidenceReader {
  summary(routeId: string): EvidenceSummary;
  routeIds(): Iterable<string>;
  /** Forgets a route's evidence here and in the worker. */
  reset(routeId: string): void;
}

export class ShadowEvidence implements EvidenceReader {
  readonly #snapshots = new Map<string, EvidenceSummary>();
  /** Copies skipped before reaching the worker (cap, body size, monolith answer), counted on this side. */
  readonly #skips = new Map<string, Map<ShadowSkip, number>>();
  /** Routes reset here whose reset the worker has not confirmed: snapshots of them in transit are older. */
  readonly #resetting = new Set<string>();

  constructor(
    private readonly limits: EvidenceLimits,
    /** False when no worker runs, so there is no answer to wait for. */
    private readonly resetWorker: (routeId: string) => boolean,
  ) {}

  summary(routeId: string): EvidenceSummary {
    const base = this.#snapshots.get(routeId) ?? new RouteEvidence(routeId, this.limits).summary();
    const skips = this.#skips.get(routeId);
    if (skips === undefined) return base;
    const skipped: Record<string, number> = { ...base.skipped };
    for (const [reason, count] of skips) skipped[reason] = (skipped[reason] ?? 0) + count;
    return { ...base, skipped };
  }

  routeIds(): Iterable<string> {
    return new Set([...this.#snapshots.keys(), ...this.#skips.keys()]);
  }

  reset(routeId: string): void {
    this.#snapshots.delete(routeId);
    this.#skips.delete(routeId);
    if (this.resetWorker(routeId)) this.#resetting.add(routeId);
  }

  skip(routeId: string, reason: ShadowSkip): void {
    let skips = this.#skips.get(routeId);
    if (skips === undefined) {
      skips = new Map();
      this.#skips.set(routeId, skips);
    }
    skips.set(reason, (skips.get(reason) ?? 0) + 1);
  }

  /** Newer snapshots from the worker replace older ones; `resetOf` marks the worker's answer to a reset. */
  apply(summaries: readonly EvidenceSummary[], resetOf?: string): void {
    if (resetOf !== undefined) this.#resetting.delete(resetOf);
    for (const summary of summaries) {
      if (!this.#resetting.has(summary.routeId)) this.#snapshots.set(summary.routeId, summary);
    }
  }

  /** The worker was lost with its evidence: what it had shown is gone too. */
  clearSnapshots(): void {
    this.#snapshots.clear();
    this.#resetting.clear();
  }
}
