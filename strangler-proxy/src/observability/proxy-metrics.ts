// Prometheus metrics of the data plane on their own registry, with label children cached off the hot path.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRICS, METRIC_LABELS as L } from './names.js';
import type { RequestRecord } from './request-record.js';
import type { EvidenceSummary } from '../comparison/evidence-book.js';
import type { ShadowDelta } from '../shadow/worker-protocol.js';

/** Distinct field labels per route in the field-mismatch counter; the rest share one label (bounded cardinality). */
const MAX_FIELD_LABELS = 50;
const OTHER_FIELD = '(other)';

/** Seconds, 1 ms to 10 s; request and shadow latencies share them so that their histograms compare. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

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
    buckets: LATENCY_BUCKETS,
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
  readonly #shadowRequests = new Counter({
    name: METRICS.shadowRequests,
    help: 'Shadowed requests by route and result (match, mismatch, failed, skipped) and why (kind).',
    labelNames: [L.route, L.result, L.kind],
    registers: [this.registry],
  });
  readonly #shadowFields = new Counter({
    name: METRICS.shadowFieldMismatches,
    help: 'Mismatches held against the service, by route and field (learned noise excluded).',
    labelNames: [L.route, L.field],
    registers: [this.registry],
  });
  readonly #shadowLatency = new Histogram({
    name: METRICS.shadowLatency,
    help: 'Latency of the compared responses, monolith vs service, by route and target.',
    labelNames: [L.route, L.target],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly #guardActions = new Counter({
    name: METRICS.guardActions,
    help: 'Flag writes by the guard, by route and action (rollback, step-down).',
    labelNames: [L.route, L.action],
    registers: [this.registry],
  });
  readonly #fieldLabels = new Map<string, Set<string>>();
  readonly #shadowChildren = new Map<
    string,
    {
      readonly match: { inc(n?: number): void };
      readonly mismatch: { inc(n?: number): void };
      readonly monolith: { observe(value: number): void };
      readonly service: { observe(value: number): void };
    }
  >();
  readonly #children = new Map<string, RouteTargetChildren>();
  readonly #skipChildren = new Map<string, { inc(): void }>();

  /** Gauges read at scrape time from the shadow evidence: match ratio, compared count, copies in flight. */
  watchShadow(
    routeIds: () => Iterable<string>,
    summary: (routeId: string) => EvidenceSummary,
    inFlight: () => number,
  ): void {
    new Gauge({
      name: METRICS.shadowMatchRatio,
      help: 'Share of shadowed requests whose service response matched the monolith (noise excluded), 0–1.',
      labelNames: [L.route],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const id of routeIds()) {
          const rate = summary(id).matchRate;
          if (rate !== null) this.labels(id).set(rate);
        }
      },
    });
    new Gauge({
      name: METRICS.shadowCompared,
      help: 'Shadowed requests compared so far, by route.',
      labelNames: [L.route],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const id of routeIds()) this.labels(id).set(summary(id).compared);
      },
    });
    new Gauge({
      name: METRICS.shadowInFlight,
      help: 'Shadow and noise copies in flight.',
      registers: [this.registry],
      collect() {
        this.set(inFlight());
      },
    });
  }

  onShadowDelta(delta: ShadowDelta): void {
    const { routeId } = delta;
    for (const [failure, count] of Object.entries(delta.failed)) {
      this.#shadowRequests.labels(routeId, 'failed', failure).inc(count);
    }
    let children = this.#shadowChildren.get(routeId);
    if (children === undefined) {
      children = {
        match: this.#shadowRequests.labels(routeId, 'match', ''),
        mismatch: this.#shadowRequests.labels(routeId, 'mismatch', ''),
        monolith: this.#shadowLatency.labels(routeId, 'monolith'),
        service: this.#shadowLatency.labels(routeId, 'service'),
      };
      this.#shadowChildren.set(routeId, children);
    }
    if (delta.matched > 0) children.match.inc(delta.matched);
    if (delta.mismatched > 0) children.mismatch.inc(delta.mismatched);
    for (const ms of delta.monolithMs) children.monolith.observe(ms / 1000);
    for (const ms of delta.serviceMs) children.service.observe(ms / 1000);
    let labels = this.#fieldLabels.get(routeId);
    for (const [field, count] of Object.entries(delta.fields)) {
      if (labels === undefined) {
        labels = new Set();
        this.#fieldLabels.set(routeId, labels);
      }
      if (!labels.has(field) && labels.size < MAX_FIELD_LABELS) labels.add(field);
      this.#shadowFields.labels(routeId, labels.has(field) ? field : OTHER_FIELD).inc(count);
    }
  }

  onShadowSkip(routeId: string, reason: string): void {
    // A saturated proxy skips every copy: the counter child is looked up once, not per request.
    const key = `${routeId}\u0000${reason}`;
    let child = this.#skipChildren.get(key);
    if (child === undefined) {
      child = this.#shadowRequests.labels(routeId, 'skipped', reason);
      this.#skipChildren.set(key, child);
    }
    child.inc();
  }

  onGuardAction(routeId: string, action: string): void {
    this.#guardActions.labels(routeId, action).inc();
  }

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
