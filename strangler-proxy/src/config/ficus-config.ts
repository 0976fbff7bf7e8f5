// The normalised, frozen static config (`ficus.config.yaml`, DESIGN.md §2) that every part of the proxy reads.
import type { StickyBy } from '../flags/route-flag.js';

export interface ListenConfig {
  readonly host: string;
  readonly port: number;
}

export interface UpstreamConfig {
  readonly name: string;
  readonly url: string;
  /** Team that owns the service. */
  readonly team?: string;
  /** Health path polled for readiness, for example `/healthz`. */
  readonly health?: string;
}

export interface ShadowConfig {
  /** Fields ignored by the comparison, for example `body.generatedAt`, `headers.date`. */
  readonly ignore: readonly string[];
  /** Array paths compared as multisets (order-insensitive), for example `body.items`. */
  readonly unorderedArrays: readonly string[];
  /** Response headers compared (lower case); default `content-type`. */
  readonly headers: readonly string[];
  /** Shadow methods that write (POST, PUT, PATCH, DELETE…) too: the service must then run on a scratch database. */
  readonly unsafeMethods: boolean;
  /** The shadow copy's own deadline; default the route's `timeoutMs`. */
  readonly timeoutMs: number;
  /** Share (0–100) of shadowed safe requests also sent a second time to the monolith to learn its noise. */
  readonly noisePercent: number;
  /** At most this many noise copies a second for the route (the warm-up's first 20 aside). */
  readonly maxNoisePerSecond: number;
}

/** Evidence a promotion to `canary` or `service` needs (DESIGN.md §2, issue #4). */
export interface GateConfig {
  readonly minMatchPercent: number;
  readonly minCompared: number;
}

/** When the guard moves a route back by itself (issue #4). */
export interface GuardConfig {
  readonly enabled: boolean;
  /** Length of the sliding window of outcomes. */
  readonly windowMs: number;
  /** Service requests the window must hold before the guard judges. */
  readonly minRequests: number;
  /** Service failures (5xx, timeouts, fallbacks) above this share of its requests breach. */
  readonly maxErrorPercent: number;
  /** Requests slower than this count as slow; 0 turns the latency check off. */
  readonly slowMs: number;
  /** Slow requests above this share breach (1 % = "p99 above slowMs"). */
  readonly maxSlowPercent: number;
  /** `rollback` moves to monolith; `step-down` in canary divides the percent by `stepDownFactor` first. */
  readonly onBreach: 'rollback' | 'step-down';
  readonly stepDownFactor: number;
  /** Below this canary percent a step-down becomes a rollback. */
  readonly minPercent: number;
}

/** Limits of the shadow sender, shared by every route. */
export interface ShadowLimits {
  /** Shadow (and noise) copies in flight at once; more are skipped, never queued. */
  readonly maxInFlight: number;
  /** Request and response bodies larger than this are not shadowed or compared. */
  readonly maxBodyBytes: number;
  /** Mismatch samples kept per route. */
  readonly samples: number;
  /** Linux nice value of the shadow worker thread (0–19): higher gives the client path the CPU first. */
  readonly workerNice: number;
  /** Above this share (0–1) of busy event-loop time in the last quarter second, requests are not copied; 1 = never. */
  readonly maxLoopUtilization: number;
}

export interface RouteConfig {
  /** Stable id used by flags, the CLI and metrics. */
  readonly id: string;
  /** find-my-way template: `/api/products/:productId/reviews`, `/static/*`. */
  readonly path: string;
  /** Upper-case methods; empty = every method. */
  readonly methods: readonly string[];
  /** Name of the entry in `services`. */
  readonly service: string;
  /** Team allowed to flip this route. */
  readonly owner: string;
  readonly fallback: boolean;
  readonly timeoutMs: number;
  readonly bodyLimitBytes: number;
  readonly stickyBy: StickyBy;
  readonly shadow: ShadowConfig;
  readonly gate: GateConfig;
  readonly guard: GuardConfig;
}

export interface TokenConfig {
  readonly team: string;
  readonly role: 'team' | 'admin' | 'tester';
  /** Lower-case hex SHA-256 digest of the bearer token. */
  readonly sha256: string;
}

export type FlagStoreConfig =
  | { readonly kind: 'memory' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'redis'; readonly url: string };

export interface FicusConfig {
  readonly proxy: {
    readonly listen: ListenConfig;
    readonly admin: ListenConfig;
    /** Peers whose X-Forwarded-* / Forwarded headers are kept (addresses or CIDRs). */
    readonly trustedProxies: readonly string[];
    /** Allow a tester token to force a target with the `x-ficus-target` header. */
    readonly allowTesterOverride: boolean;
    /** Collapse `//` in paths before matching (and forward the collapsed form). */
    readonly mergeSlashes: boolean;
    readonly defaultTimeoutMs: number;
    readonly defaultBodyLimitBytes: number;
    /** Retries allowed as a share of requests (Envoy's default budget: 20 %). */
    readonly retryBudgetPercent: number;
    /** Fallbacks allowed as a share of requests. */
    readonly fallbackBudgetPercent: number;
    readonly shadow: ShadowLimits;
  };
  readonly monolith: { readonly url: string; readonly health?: string };
  readonly services: ReadonlyMap<string, UpstreamConfig>;
  readonly routes: readonly RouteConfig[];
  readonly flags: { readonly store: FlagStoreConfig };
  readonly auth: { readonly tokens: readonly TokenConfig[] };
}
