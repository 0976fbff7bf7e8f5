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
  /** Shadow non-idempotent methods too (the service must then run on a scratch database). */
  readonly unsafeMethods: boolean;
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
  };
  readonly monolith: { readonly url: string; readonly health?: string };
  readonly services: ReadonlyMap<string, UpstreamConfig>;
  readonly routes: readonly RouteConfig[];
  readonly flags: { readonly store: FlagStoreConfig };
  readonly auth: { readonly tokens: readonly TokenConfig[] };
}
