// The one composition root: config → store → route table → data plane and admin listeners, and their shutdown.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { buildAdminApp } from './admin/build-admin-app.js';
import type { Readiness, RuntimeView } from './admin/runtime-view.js';
import { matchToken } from './admin/verify-token.js';
import type { FicusConfig, ListenConfig } from './config/ficus-config.js';
import { frameworkErrorsTo, registerDataPlane } from './fastify-plugins/data-plane.js';
import { createFlagStore } from './flag-stores/create-flag-store.js';
import type { Clock, FlagSnapshot, FlagStore } from './flag-stores/flag-store.js';
import type { Target } from './flags/decide-target.js';
import { mergeFlags } from './flags/merge-flags.js';
import { trustedPeers } from './forwarding/forwarded-headers.js';
import { createRequestHandler } from './forwarding/proxy-request.js';
import { createUpstream } from './forwarding/upstream.js';
import type { Upstream } from './forwarding/upstream.js';
import { createLogger } from './observability/create-logger.js';
import { LOG_EVENTS } from './observability/names.js';
import { observeRequests } from './observability/observe-requests.js';
import { observeShadow } from './observability/observe-shadow.js';
import { ProxyMetrics } from './observability/proxy-metrics.js';
import { RouteStatsBook } from './observability/route-stats.js';
import { buildRouteTable } from './routing/route-table.js';
import type { RouteTable } from './routing/route-table.js';
import { RouteGuard } from './guard/route-guard.js';
import type { EvidenceReader } from './shadow/shadow-evidence.js';
import { LoopLoad } from './shadow/loop-load.js';
import { ShadowTraffic } from './shadow/shadow-traffic.js';

export interface ProxyOptions {
  /** A ready pino logger; otherwise one is made writing to `logDestination` (default stdout). */
  readonly logger?: Logger;
  readonly logDestination?: DestinationStream | string;
  /** Monotonic milliseconds for durations and budget windows. Default `performance.now`. */
  readonly now?: () => number;
  /** Wall-clock milliseconds for the store's `updatedAt` and audit times. Default `Date.now`. */
  readonly clock?: Clock;
  /** A store to use instead of the one the config names (tests); the caller then closes it. */
  readonly store?: FlagStore;
  /** Overrides of the configured listeners (tests pass port 0). */
  readonly listen?: ListenConfig;
  readonly admin?: ListenConfig | false;
  /** How long `close()` waits for in-flight requests before cutting their connections. Default 10 s. */
  readonly drainTimeoutMs?: number;
  /** [0, 1) for the shadow share and noise sampling. Default `Math.random`. */
  readonly random?: () => number;
  /** The event loop's recent utilization (0–1), for shadow load shedding. Default: sampled every 250 ms. */
  readonly loopLoad?: () => number;
}

export interface RunningProxy {
  readonly url: string;
  /** Empty when the admin listener is turned off. */
  readonly adminUrl: string;
  readonly runtime: RuntimeView;
  readonly metrics: ProxyMetrics;
  /** Shadow comparison evidence per route (what `GET /routes/:id/diffs` and the promotion gate read). */
  readonly evidence: EvidenceReader;
  /** The route table in use right now. */
  table(): RouteTable;
  /** Stops accepting, drains in-flight requests, then closes pools and the store. */
  close(): Promise<void>;
}

export async function startProxy(config: FicusConfig, options: ProxyOptions = {}): Promise<RunningProxy> {
  const logger =
    options.logger ??
    createLogger(options.logDestination === undefined ? {} : { destination: options.logDestination });
  const now = options.now ?? (() => performance.now());
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const store = options.store ?? createFlagStore(config.flags.store, { clock });
  const metrics = new ProxyMetrics();
  const stats = new RouteStatsBook(now);

  let table = buildRouteTable(config.routes, new Map());
  let flagsLoaded = false;
  const apply = (snapshot: FlagSnapshot): void => {
    const merged = mergeFlags(table.flags, snapshot);
    table = table.withFlags(merged.flags);
    flagsLoaded = true;
    metrics.staleFlags.set(merged.stale ? 1 : 0);
    for (const { routeId, problem } of merged.rejected) {
      metrics.flagsRejected.labels(routeId).inc();
      logger.warn({ routeId, problem }, LOG_EVENTS.flagRejected);
    }
    logger.info({ flags: merged.flags.size }, LOG_EVENTS.flagsApplied);
  };
  const storeFailed = (error: Error): void => {
    metrics.flagStoreErrors.inc();
    metrics.staleFlags.set(1);
    logger.warn({ err: error }, LOG_EVENTS.flagStoreError);
  };
  let pushed = false;
  const unsubscribe = store.subscribe((snapshot) => {
    pushed = true;
    apply(snapshot);
  }, storeFailed);
  try {
    const initial = await store.list();
    // A push that raced the first read is newer than it.
    if (!pushed) apply(initial);
  } catch (error) {
    // An unreadable store at start means every route serves the monolith until it recovers; never a failed start.
    storeFailed(error as Error);
  }

  const upstreamOptions = {
    retryBudgetPercent: config.proxy.retryBudgetPercent,
    fallbackBudgetPercent: config.proxy.fallbackBudgetPercent,
    now,
  };
  const monolith = createUpstream('monolith', config.monolith.url, upstreamOptions);
  const services = new Map<string, Upstream>();
  for (const [name, service] of config.services)
    services.set(name, createUpstream(name, service.url, upstreamOptions));

  const shadowObserver = observeShadow(logger.child({ component: 'shadow' }), metrics);
  const loopLoad = options.loopLoad === undefined ? new LoopLoad() : null;
  const currentLoad = options.loopLoad ?? (() => loopLoad?.current ?? 0);
  const shadow = new ShadowTraffic({
    services: new Map([...config.services].map(([name, service]) => [name, service.url])),
    monolithOrigin: config.monolith.url,
    limits: config.proxy.shadow,
    now,
    random,
    events: shadowObserver,
    loopLoad: currentLoad,
  });
  const evidence: EvidenceReader = shadow.evidence;
  metrics.watchShadow(
    () => evidence.routeIds(),
    (routeId) => evidence.summary(routeId),
    () => shadow.inFlight,
  );
  const guard = new RouteGuard({
    routes: config.routes,
    store,
    flagFor: (routeId) => table.flagFor(routeId),
    now,
    logger: logger.child({ component: 'guard' }),
    onAction: (routeId, action) => metrics.onGuardAction(routeId, action.kind),
  });
  const observer = observeRequests(logger, metrics, stats);

  const handler = createRequestHandler({
    config,
    table: () => table,
    monolith,
    services,
    trusted: trustedPeers(config.proxy.trustedProxies),
    observer: {
      onRequest: (record) => {
        observer.onRequest(record);
        guard.onRequest(record);
      },
    },
    now,
    newRequestId: randomUUID,
    testerTarget: testerTargetOf(config),
    shadow,
    random,
  });

  const app = fastify({
    logger: false,
    frameworkErrors: frameworkErrorsTo(handler),
    routerOptions: { maxParamLength: 8192 },
  });
  registerDataPlane(app, handler);

  const runtime: RuntimeView = {
    currentFlags: () => ({ flags: table.flags }),
    routeStats: (routeId) => stats.stats(routeId),
    metricsText: () => metrics.registry.metrics(),
    metricsContentType: metrics.registry.contentType,
    readiness: () => readiness(config, monolith, services, () => flagsLoaded),
    evidence: (routeId) => evidence.summary(routeId),
    resetEvidence: (routeId) => evidence.reset(routeId),
  };

  // What a failed start and close() both let go of once the listeners are shut.
  const release = async (): Promise<void> => {
    unsubscribe();
    await guard.settle();
    await Promise.all([monolith, ...services.values()].map((u) => u.pool.close()));
    // Copies still in flight are cut: nobody waits for their answers.
    loopLoad?.stop();
    await shadow.close();
    shadowObserver.close();
    if (options.store === undefined) await store.close();
  };

  let admin: FastifyInstance | null = null;
  let url = '';
  let adminUrl = '';
  try {
    const listen = options.listen ?? config.proxy.listen;
    url = await app.listen({ host: listen.host, port: listen.port });
    const adminListen = options.admin ?? config.proxy.admin;
    if (adminListen !== false) {
      admin = await buildAdminApp({
        config,
        store,
        runtime,
        logger: logger.child({ component: 'admin' }),
        clock,
      });
      adminUrl = await admin.listen({ host: adminListen.host, port: adminListen.port });
    }
  } catch (error) {
    // The admin app may exist with its listen failed; it holds its own resources too.
    await Promise.all([app.close(), admin?.close()]);
    await release();
    throw error;
  }
  logger.info({ url, adminUrl, routes: config.routes.length }, LOG_EVENTS.listening);

  let closing: Promise<void> | null = null;
  return {
    url,
    adminUrl,
    runtime,
    metrics,
    evidence,
    table: () => table,
    close: () => {
      closing ??= (async () => {
        logger.info({}, LOG_EVENTS.closing);
        // fastify stops accepting and waits for in-flight responses. A keep-alive socket whose response ends after
        // that turns idle and would hold the close open, so idle sockets are swept until the drain ends.
        const sweep = setInterval(() => app.server.closeIdleConnections(), 20);
        const deadline = setTimeout(() => app.server.closeAllConnections(), options.drainTimeoutMs ?? 10_000);
        try {
          await Promise.all([app.close(), admin?.close()]);
        } finally {
          clearInterval(sweep);
          clearTimeout(deadline);
        }
        await release();
        logger.flush();
      })();
      return closing;
    },
  };
}

/** The tester override, only when the config allows it and the request carries a valid tester token. */
function testerTargetOf(config: FicusConfig): (req: IncomingMessage) => Target | null {
  if (!config.proxy.allowTesterOverride) return () => null;
  const testers = config.auth.tokens.filter((t) => t.role === 'tester');
  return (req) => {
    const wanted = req.headers['x-ficus-target'];
    if (wanted !== 'monolith' && wanted !== 'service') return null;
    const presented = req.headers['x-ficus-tester-token'];
    if (typeof presented !== 'string' || presented === '') return null;
    return matchToken(testers, presented) === null ? null : wanted;
  };
}

async function readiness(
  config: FicusConfig,
  monolith: Upstream,
  services: ReadonlyMap<string, Upstream>,
  flagsLoaded: () => boolean,
): Promise<Readiness> {
  const probes: [string, Upstream, string][] = [];
  if (config.monolith.health !== undefined) probes.push(['monolith', monolith, config.monolith.health]);
  for (const [name, service] of config.services) {
    const upstream = services.get(name);
    if (service.health !== undefined && upstream !== undefined) probes.push([name, upstream, service.health]);
  }
  const upstreams: Record<string, string> = {};
  await Promise.all(
    probes.map(async ([name, upstream, path]) => {
      try {
        const response = await upstream.pool.request({
          method: 'GET',
          path,
          signal: AbortSignal.timeout(1000),
        });
        await response.body.dump();
        upstreams[name] = response.statusCode < 400 ? 'ok' : `status ${response.statusCode}`;
      } catch {
        upstreams[name] = 'unreachable';
      }
    }),
  );
  // Only the monolith gates readiness: the proxy serves through fallbacks when a service is down.
  const ready = upstreams.monolith === undefined || upstreams.monolith === 'ok';
  return { ready, checks: { config: 'ok', flags: flagsLoaded() ? 'ok' : 'store unreadable', upstreams } };
}
