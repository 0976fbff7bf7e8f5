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
   * Up to half of a service's requests may be re-served by the monolith at once: enough to ride out a bad deploy,
   * bounded so that a dead service cannot double the monolith's load unnoticed (the fallback rate is a metric).
   */
  fallbackBudgetPercent: 50,
  /** Every request has a peer address, so a canary works with no client cooperation; use a user header or cookie when you have one. */
  stickyBy: 'ip' as StickyBy,
  store: { kind: 'file', path: '.ficus/flags.json' } as const,
} as const;
