// A real admin app on port 0 with two routes and fake live numbers, and `ficus flags` run in-process against it.
import { PassThrough } from 'node:stream';
import type { Test } from 'tap';
import { buildAdminApp, hashToken, MemoryFlagStore } from '@ficus/strangler-proxy';
import type { EvidenceSummary, RouteStats, RuntimeView } from '@ficus/strangler-proxy';
import type { FicusConfig, RouteConfig } from '@ficus/strangler-proxy/config';
import { flagsCommand } from '../../src/commands/flags.js';

export const ADMIN = 'admin-secret';
export const REVIEWS = 'reviews-secret';

function route(id: string, owner: string): RouteConfig {
  return {
    id,
    path: `/api/${id}`,
    methods: ['GET'],
    service: owner,
    owner,
    fallback: true,
    timeoutMs: 1000,
    bodyLimitBytes: 1024,
    stickyBy: 'ip',
    shadow: {
      ignore: [],
      unorderedArrays: [],
      headers: ['content-type'],
      unsafeMethods: false,
      timeoutMs: 1000,
      noisePercent: 10,
      maxNoisePerSecond: 10,
    },
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

const config = {
  routes: [route('reviews.list', 'reviews'), route('orders.get', 'orders')],
  auth: {
    tokens: [
      { team: 'platform', role: 'admin', sha256: hashToken(ADMIN) },
      { team: 'reviews', role: 'team', sha256: hashToken(REVIEWS) },
    ],
  },
} as unknown as FicusConfig; // only what the admin API reads

const stats: RouteStats = {
  requests: 300,
  ratePerSec: 5,
  errorRate: 0.02,
  p50Ms: 3,
  p99Ms: 41.6,
  fallbacks: 2,
  byTarget: { monolith: 280, service: 20 },
};

export const evidence: EvidenceSummary = {
  routeId: 'reviews.list',
  compared: 412,
  matched: 409,
  mismatched: 3,
  failed: 1,
  failures: { timeout: 1 },
  skipped: {},
  matchRate: 409 / 413,
  fields: [{ path: 'body.items[*].rating', mismatches: 3 }],
  noise: { sampled: 60, fields: [{ path: 'body.generatedAt', count: 60 }], masked: 40 },
  shapes: [{ shape: 'GET reviews.list ?page', count: 413 }],
  samples: [
    {
      at: '2026-05-01T09:30:00.000Z',
      reqId: 'r1',
      method: 'GET',
      path: '/api/reviews.list?page=2',
      differences: [{ path: 'body.items[3].rating', kind: 'changed', a: 5, b: 4 }],
      monolith: { status: 200, headers: {}, body: '{}', truncated: false, bytes: 2 },
      service: { status: 200, headers: {}, body: '{}', truncated: false, bytes: 2 },
    },
  ],
  latency: { monolith: { count: 412, p50Ms: 3.1, p99Ms: 9 }, service: { count: 412, p50Ms: 2, p99Ms: 7.5 } },
};

/** What a route shows right after its evidence was reset. */
const NO_EVIDENCE: EvidenceSummary = {
  ...evidence,
  compared: 0,
  matched: 0,
  mismatched: 0,
  failed: 0,
  failures: {},
  matchRate: null,
  fields: [],
  noise: { sampled: 0, fields: [], masked: 0 },
  shapes: [],
  samples: [],
  latency: {
    monolith: { count: 0, p50Ms: null, p99Ms: null },
    service: { count: 0, p50Ms: null, p99Ms: null },
  },
};

export async function startAdmin(t: Test): Promise<{ url: string; store: MemoryFlagStore }> {
  let now = Date.parse('2026-05-01T09:00:00.000Z');
  // One clock for the store and the admin app, so audit times are the test's, never the wall clock's.
  const clock = (): number => (now += 60_000);
  const store = new MemoryFlagStore({ clock });
  const reset = new Set<string>();
  const runtime: RuntimeView = {
    currentFlags: () => ({ flags: new Map() }),
    routeStats: (id) => (id === 'reviews.list' ? stats : null),
    metricsText: async () => '',
    metricsContentType: 'text/plain',
    readiness: async () => ({ ready: true, checks: {} }),
    evidence: (id) => (reset.has(id) ? { ...NO_EVIDENCE, routeId: id } : { ...evidence, routeId: id }),
    resetEvidence: (id) => void reset.add(id),
  };
  const app = await buildAdminApp({ config, store, runtime, clock });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => app.close());
  return { url, store };
}

export async function ficusFlags(
  argv: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let code: number;
  try {
    code = await flagsCommand.run(argv, { stdout, stderr, env, cwd: process.cwd() });
  } catch (error) {
    // What the CLI shell does with a thrown CliError.
    const e = error as { code: string; message: string; exitCode: number };
    err += `${e.code}: ${e.message}\n`;
    code = e.exitCode;
  }
  return { code, stdout: out, stderr: err };
}
