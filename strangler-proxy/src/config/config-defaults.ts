// The documented defaults applied to every field a config leaves out.
import type { StickyBy } from '../flags/route-flag.js';

export const CONFIG_DEFAULTS = {
  listen: { host: '127.0.0.1', port: 8080 },
  admin: { host: '127.0.0.1', port: 9901 },
  /** Collapsing `//` lets `/api//x` match `/api/x`; the collapsed form is what the upstream receives. */
  mergeSlashes: true,
  defaultTimeoutMs: 15_000,
  defaultBodyLimitBytes: 1024 * 1024,
  /** Envoy's default retry budget. */
  retryBudgetPercent: 20,
  /**
   * Every failed service request may be re-served by the monolith: it served that traffic before the move, so a dead
   * service must not turn into client errors. Lower it when the monolith has been scaled down since the move; the
   * fallback rate is a metric and the guard rolls a failing route back.
   */
  fallbackBudgetPercent: 100,
  /** Every request has a peer address, so a canary works with no client cooperation; use a user header or cookie when you have one. */
  stickyBy: 'ip' as StickyBy,
  store: { kind: 'file', path: '.ficus/flags.json' } as const,
  shadow: {
    maxInFlight: 64,
    maxBodyBytes: 256 * 1024,
    samples: 20,
    /**
     * The shadow worker yields the CPU to the threads serving clients: copies are evidence, clients are the business.
     * At 10 the kernel gives a busy worker about a tenth of what a busy client thread gets.
     */
    workerNice: 10,
    /**
     * Past 80 % busy, queueing delay climbs steeply (a single queue at 80 % load waits 4 service times on average, at
     * 90 % nine): copies then cost the clients, so they stop until the load falls, counted as `skipped: proxy-busy`.
     */
    maxLoopUtilization: 0.8,
    headers: ['content-type'],
    /** A tenth of the shadow traffic also goes twice to the monolith, enough to learn its noise within minutes. */
    noisePercent: 10,
    /**
     * Noise is learned from samples, not volume: past this many noise copies a second per route, the monolith gets
     * no more (at 3,000 req/s, 10 % would be 300 extra monolith requests a second).
     */
    maxNoisePerSecond: 10,
  },
  /** Issue #4's default: 99 % matching over at least 500 compared requests. */
  gate: { minMatchPercent: 99, minCompared: 500 },
  guard: {
    enabled: true,
    windowMs: 60_000,
    minRequests: 20,
    maxErrorPercent: 5,
    slowMs: 0,
    maxSlowPercent: 1,
    onBreach: 'rollback',
    stepDownFactor: 2,
    minPercent: 1,
  },
} as const;
