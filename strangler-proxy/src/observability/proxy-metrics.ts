// Prometheus metrics of the data plane on their own registry, with label children cached off the hot path.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRICS, METRIC_LABELS as L } from './names.js';
import type { RequestRecord } from './request-record.js';

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

interface RouteTargetChildren {
  readonly byClass: { inc(): void }[];
  readonly duration: { observe(value: number): void };
}

export class ProxyMetrics {
  readonly registry = new Registry();
  readonly #requests = new Counter({
    name: METRICS.requests,
    help: 'Requests answered, by route, target and status class.',
    labelNames: [L.route, L.target, L.statusClass],
    registers: [this.registry],
  });
  readonly #duration = new Histogram({
    name: METRICS.duration,
    help: 'Time from request start to the end of the response, by route and target.',
    labelNames: [L.route, L.target],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly #fallbacks = new Counter({
    name: METRICS.fallbacks,
    help: 'Service failures re-served by the monolith, by route and failure kind.',
    labelNames: [L.route, L.kind],
    registers: [this.registry],
  });
  readonly #retries = new Counter({
    name: METRICS.retries,
    help: 'Retries sent to an upstream (bounded by its retry budget).',
    labelNames: [L.upstream],
    registers: [this.registry],
  });
  readonly #upstreamErrors = new Counter({
    name: METRICS.upstreamErrors,
    help: 'Requests the proxy answered with its own error, by upstream and kind.',
    labelNames: [L.upstream, L.kind],
    registers: [this.registry],
  });
  readonly flagStoreErrors = new Counter({
    name: METRICS.flagStoreErrors,
    help: 'Failures to read or watch the flag store.',
    registers: [this.registry],
  });
  readonly flagsRejected = new Counter({
    name: METRICS.flagsRejected,
    help: 'Flag values refused as invalid; the route keeps its last good flag.',
    labelNames: [L.route],
    registers: [this.registry],
  });
  readonly staleFlags = new Gauge({
    name: METRICS.staleFlags,
    help: '1 while some route is serving its last good flag instead of what the store holds.',
    registers: [this.registry],
  });
  readonly #children = new Map<string, RouteTargetChildren>();

  onRequest(record: RequestRecord): void {
    const key = `${record.routeId}\u0000${record.target}`;
    let children = this.#children.get(key);
    if (children === undefined) {
      children = {
        byClass: STATUS_CLASSES.map((c) => this.#requests.labels(record.routeId, record.target, c)),
        duration: this.#duration.labels(record.routeId, record.target),
      };
      this.#children.set(key, children);
    }
    const statusClass = Math.min(Math.max(Math.floor(record.status / 100), 1), 5) - 1;
    children.byClass[statusClass]!.inc();
    children.duration.observe(record.durationMs / 1000);
    if (record.retries > 0) this.#retries.labels(record.upstream).inc(record.retries);
    if (record.fallback) this.#fallbacks.labels(record.routeId, record.error ?? 'status').inc();
    else if (record.error !== null) this.#upstreamErrors.labels(record.upstream, record.error).inc();
  }
}
