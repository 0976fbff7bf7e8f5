// One upstream (the monolith or a service): its keep-alive undici pool and its retry and fallback budgets.
import { Pool } from 'undici';
import { SlidingBudget } from './sliding-budget.js';

export interface Upstream {
  readonly name: string;
  readonly origin: string;
  readonly pool: Pool;
  readonly retryBudget: SlidingBudget;
  /** Spent when this upstream's failures are re-served by the monolith. */
  readonly fallbackBudget: SlidingBudget;
}

export interface UpstreamOptions {
  readonly retryBudgetPercent: number;
  readonly fallbackBudgetPercent: number;
  readonly now: () => number;
  /** Most sockets to this upstream; requests beyond wait in the pool's queue. */
  readonly connections?: number;
}

/** Envoy's retry budget keeps a floor of 3 so that an idle upstream can still retry at all. */
const MIN_RETRIES = 3;
const WINDOW_MS = 10_000;

export function createUpstream(name: string, origin: string, options: UpstreamOptions): Upstream {
  const budget = (percent: number): SlidingBudget =>
    // A budget of 0 % means none at all, not "the floor".
    new SlidingBudget({
      percent,
      minimum: percent === 0 ? 0 : MIN_RETRIES,
      windowMs: WINDOW_MS,
      buckets: 10,
      now: options.now,
    });
  return {
    name,
    origin,
    pool: new Pool(origin, {
      connections: options.connections ?? 256,
      pipelining: 1,
      keepAliveTimeout: 4_000,
    }),
    retryBudget: budget(options.retryBudgetPercent),
    fallbackBudget: budget(options.fallbackBudgetPercent),
  };
}
