// Shared setup for the shadow, gate and guard integration tests: a monolith, a service and a proxy in front.
import type { Test } from 'tap';
import { hashToken } from '../../src/admin/verify-token.js';
import type { EvidenceSummary } from '../../src/comparison/evidence-book.js';
import type { FicusConfig } from '../../src/config/ficus-config.js';
import type { FlagChange } from '../../src/flags/route-flag.js';
import { startTestProxy, startUpstream, testConfig } from '../proxy-harness.js';
import type { TestProxy, TestUpstream, UpstreamHandler } from '../proxy-harness.js';

export const ADMIN_TOKEN = 'admin-token';

export interface ShadowSetup {
  readonly monolith: TestUpstream;
  readonly service: TestUpstream;
  readonly proxy: TestProxy;
}

export async function startShadowSetup(
  t: Test,
  handlers: { monolith: UpstreamHandler; service: UpstreamHandler | string },
  route: Record<string, unknown> = {},
  proxyConfig: Record<string, unknown> = {},
  options: { random?: () => number; now?: () => number } = {},
): Promise<ShadowSetup> {
  const monolith = await startUpstream(t, handlers.monolith);
  const service =
    typeof handlers.service === 'string'
      ? { url: handlers.service, received: [], close: async () => {} }
      : await startUpstream(t, handlers.service);
  const config = shadowTestConfig(monolith.url, service.url, route, proxyConfig);
  const proxy = await startTestProxy(t, config, options);
  return { monolith, service, proxy };
}

/** One GET route `r` (`/r/:id`) of service `svc`, owned by `team`, and an admin token; `route` adds or overrides. */
export function shadowTestConfig(
  monolithUrl: string,
  serviceUrl: string,
  route: Record<string, unknown> = {},
  proxyConfig: Record<string, unknown> = {},
): FicusConfig {
  return testConfig({
    proxy: proxyConfig,
    monolith: { url: monolithUrl },
    services: { svc: { url: serviceUrl, team: 'team' } },
    routes: [{ id: 'r', path: '/r/:id', methods: ['GET'], service: 'svc', owner: 'team', ...route }],
    auth: { tokens: [{ team: 'platform', role: 'admin', sha256: hashToken(ADMIN_TOKEN) }] },
  });
}

/** Writes a flag straight into the store and waits until the data plane applies it. */
export async function writeFlag(
  proxy: TestProxy,
  change: Omit<FlagChange, 'reason'>,
  routeId = 'r',
): Promise<void> {
  const current = await proxy.store.get(routeId);
  const result = await proxy.store.set(routeId, { reason: 'test', ...change }, current?.version ?? 0, 'test');
  if (!result.ok) throw new Error(`flag write refused: ${JSON.stringify(result)}`);
  await until(() => proxy.table().flagFor(routeId)?.version === result.flag.version);
}

/** Waits for a condition the proxy reaches asynchronously (comparisons run off the request path). */
export async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function evidenceAfter(
  proxy: TestProxy,
  settled: (s: EvidenceSummary) => boolean,
  routeId = 'r',
): Promise<EvidenceSummary> {
  await until(() => settled(proxy.evidence.summary(routeId)), 'evidence');
  return proxy.evidence.summary(routeId);
}

export async function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.text() };
}
