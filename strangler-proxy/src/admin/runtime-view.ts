// What the admin API reads from the running data plane; the proxy's composition root implements it.
import type { EvidenceSummary } from '../comparison/evidence-book.js';
import type { FlagSnapshot } from '../flag-stores/flag-store.js';

/** Live numbers of one route over the data plane's recent window. */
export interface RouteStats {
  readonly requests: number;
  readonly ratePerSec: number;
  /** Share of requests answered with an error, 0–1. */
  readonly errorRate: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly fallbacks: number;
  /** Requests by target (`monolith`, `service`, …). */
  readonly byTarget: Record<string, number>;
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Record<string, unknown>;
}

export interface RuntimeView {
  /** The flags the data plane is applying right now (they may trail the store by one watch or poll). */
  currentFlags(): FlagSnapshot;
  routeStats(routeId: string): RouteStats | null;
  metricsText(): Promise<string>;
  readonly metricsContentType: string;
  readiness(): Promise<Readiness>;
  /** Shadow evidence of a route; absent when the data plane keeps none (then promotions find no evidence). */
  evidence?(routeId: string): EvidenceSummary;
  /**
   * Forgets a route's shadow evidence so it is collected afresh (after a fixed service is deployed). Absent when the
   * data plane cannot: the admin API then offers no `DELETE /routes/:id/diffs` (404).
   */
  resetEvidence?(routeId: string): void;
}
