// A small static config, a fake data plane and a running admin app for the admin API tests.
import type { Test } from 'tap';
import type { FicusConfig, RouteConfig, TokenConfig } from '../../src/config/ficus-config.js';
import { buildAdminApp } from '../../src/admin/build-admin-app.js';
import type { RouteStats, RuntimeView } from '../../src/admin/runtime-view.js';
import { RouteEvidence } from '../../src/comparison/evidence-book.js';
import type { EvidenceSummary } from '../../src/comparison/evidence-book.js';
import { hashToken } from '../../src/admin/verify-token.js';
import type { FlagSnapshot } from '../../src/flag-stores/flag-store.js';
import { MemoryFlagStore } from '../../src/flag-stores/memory-flag-store.js';

export const TOKENS = {
  reviews: 'tok-reviews',
  orders: 'tok-orders',
  admin: 'tok-admin',
  tester: 'tok-tester',
} as const;

const tokens: TokenConfig[] = [
  { team: 'reviews', role: 'team', sha256: hashToken(TOKENS.reviews) },
  { team: 'orders', role: 'team', sha256: hashToken(TOKENS.orders) },
  { team: 'platform', role: 'admin', sha256: hashToken(TOKENS.admin) },
  { team: 'qa', role: 'tester', sha256: hashToken(TOKENS.tester) },
];

function route(id: string, path: string, service: string, owner: string): RouteConfig {
  return {
    id,
    path,
    methods: ['GET'],
    service,
    owner,
    fallback: true,
    timeoutMs: 2000,
    bodyLimitBytes: 1_048_576,
    stickyBy: 'header:x-user-id',
    shadow: {
      ignore: [],
      unorderedArrays: [],
      headers: ['content-type'],
      unsafeMethods: false,
      timeoutMs: 2000,
      noisePercent: 10,
      maxNoisePerSecond: 10,
    },
    // No evidence needed here: these tests are about auth and compare-and-set; the gate has its own tests.
    gate: { minMatchPercent: 0, minCompared: 0 },
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
  };
}

export const CONFIG: FicusConfig = {
  proxy: {
    listen: { host: '127.0.0.1', port: 0 },
    admin: { host: '127.0.0.1', port: 0 },
    trustedProxies: [],
    allowTesterOverride: false,
    mergeSlashes: true,
    defaultTimeoutMs: 5000,
    defaultBodyLimitBytes: 1_048_576,
    retryBudgetPercent: 20,
    fallbackBudgetPercent: 20,
    shadow: { maxInFlight: 64, maxBodyBytes: 262_144, samples: 20, workerNice: 0, maxLoopUtilization: 1 },
  },
  monolith: { url: 'http://127.0.0.1:3000' },
  services: new Map([
    ['reviews', { name: 'reviews', url: 'http://127.0.0.1:4001', team: 'reviews' }],
    ['orders', { name: 'orders', url: 'http://127.0.0.1:4002', team: 'orders' }],
  ]),
  routes: [
    route('reviews.list', '/api/products/:productId/reviews', 'reviews', 'reviews'),
    route('orders.get', '/api/orders/:id', 'orders', 'orders'),
  ],
  flags: { store: { kind: 'memory' } },
  auth: { tokens },
};

export const STATS: RouteStats = {
  requests: 120,
  ratePerSec: 2,
  errorRate: 0.01,
  p50Ms: 4,
  p99Ms: 40,
  fallbacks: 1,
  byTarget: { monolith: 100, service: 20 },
};

export class FakeRuntime implements RuntimeView {
  ready = false;
  applied: FlagSnapshot = { flags: new Map() };
  readonly metricsContentType = 'text/plain; version=0.0.4; charset=utf-8';
  currentFlags(): FlagSnapshot {
    return this.applied;
  }
  routeStats(routeId: string): RouteStats | null {
    return routeId === 'reviews.list' ? STATS : null;
  }
  async metricsText(): Promise<string> {
    return '# HELP ficus_requests_total Requests.\nficus_requests_total{route="reviews.list"} 120\n';
  }
  async readiness(): Promise<{ ready: boolean; checks: Record<string, unknown> }> {
    return { ready: this.ready, checks: { config: 'loaded', monolith: this.ready ? 'up' : 'unknown' } };
  }
  /** Shadow evidence by route; a route without an entry has none yet. */
  readonly evidenceByRoute = new Map<string, EvidenceSummary>();
  evidence(routeId: string): EvidenceSummary {
    return this.evidenceByRoute.get(routeId) ?? new RouteEvidence(routeId).summary();
  }
  /** A property, not a method, so a test can take it away (a data plane that cannot reset). */
  resetEvidence?: (routeId: string) => void = (routeId) => {
    this.evidenceByRoute.delete(routeId);
  };
}

/** Evidence with a few mismatches, as a route collects it while its service is still wrong. */
export function mismatchingEvidence(routeId: string): EvidenceSummary {
  return {
    ...new RouteEvidence(routeId).summary(),
    compared: 40,
    matched: 37,
    mismatched: 3,
    failed: 1,
    failures: { timeout: 1 },
    matchRate: 37 / 41,
    fields: [{ path: 'body.rating', mismatches: 3 }],
  };
}

export interface AdminHarness {
  readonly url: string;
  readonly store: MemoryFlagStore;
  readonly runtime: FakeRuntime;
  request(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
}

export async function startAdmin(t: Test, runtime = new FakeRuntime()): Promise<AdminHarness> {
  let now = Date.parse('2026-03-01T12:00:00.000Z');
  const clock = (): number => (now += 1000);
  const store = new MemoryFlagStore({ clock });
  const app = await buildAdminApp({ config: CONFIG, store, runtime, clock });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  return {
    url,
    store,
    runtime,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token === undefined ? TOKENS.admin : options.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${url}${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    },
  };
}
