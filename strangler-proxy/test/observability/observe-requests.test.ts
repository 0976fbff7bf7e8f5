// Each request yields one log record with the documented fields, metrics by route/target/status class, and stats.
import t from 'tap';
import { createLogger } from '../../src/observability/create-logger.js';
import { LOG_FIELDS, METRICS } from '../../src/observability/names.js';
import { observeRequests } from '../../src/observability/observe-requests.js';
import { ProxyMetrics } from '../../src/observability/proxy-metrics.js';
import type { RequestRecord } from '../../src/observability/request-record.js';
import { RouteStatsBook } from '../../src/observability/route-stats.js';

function record(extra: Partial<RequestRecord> = {}): RequestRecord {
  return {
    reqId: 'r1',
    method: 'GET',
    path: '/a',
    routeId: 'a',
    stage: 'canary',
    target: 'service',
    upstream: 'svc',
    status: 200,
    durationMs: 1.23456,
    fallback: false,
    shadow: false,
    retries: 0,
    error: null,
    ...extra,
  };
}

t.test('the log line carries exactly the documented fields', async (t) => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ destination: { write: (l: string) => void lines.push(JSON.parse(l)) } });
  const observer = observeRequests(logger, new ProxyMetrics(), new RouteStatsBook(() => 0));
  observer.onRequest(record());
  const line = lines[0]!;
  for (const field of Object.values(LOG_FIELDS)) t.ok(field in line, `has ${field}`);
  t.match(line, {
    msg: 'request',
    routeId: 'a',
    stage: 'canary',
    target: 'service',
    status: 200,
    durationMs: 1.235,
  });
  t.same(
    Object.keys(record()).sort(),
    [...Object.values(LOG_FIELDS), 'upstream'].sort(),
    'record keys are the documented fields',
  );
});

t.test('credentials in logged headers are redacted', async (t) => {
  const lines: string[] = [];
  const logger = createLogger({ destination: { write: (l: string) => void lines.push(l) } });
  logger.warn({ headers: { authorization: 'Bearer secret', cookie: 'sid=secret', accept: '*/*' } }, 'x');
  t.notMatch(lines[0], /secret/);
  t.match(lines[0], /\*\/\*/);
});

t.test('metrics count by route, target and status class', async (t) => {
  const metrics = new ProxyMetrics();
  metrics.onRequest(record());
  metrics.onRequest(record({ status: 503, target: 'monolith' }));
  metrics.onRequest(record({ fallback: true, error: 'connect', target: 'monolith' }));
  metrics.onRequest(record({ retries: 1 }));
  const text = await metrics.registry.metrics();
  t.match(text, `${METRICS.requests}{route="a",target="service",status_class="2xx"} 2`);
  t.match(text, `${METRICS.requests}{route="a",target="monolith",status_class="5xx"} 1`);
  t.match(text, `${METRICS.fallbacks}{route="a",kind="connect"} 1`);
  t.match(text, `${METRICS.retries}{upstream="svc"} 1`);
  t.match(text, `${METRICS.duration}_count{route="a",target="service"} 2`);
});

t.test('route stats cover the last minute only', async (t) => {
  const clock = { ms: 1_000_000 };
  const stats = new RouteStatsBook(() => clock.ms);
  for (let i = 1; i <= 100; i++)
    stats.onRequest(record({ durationMs: i, status: i > 95 ? 500 : 200, fallback: i === 1 }));
  const now = stats.stats('a')!;
  t.equal(now.requests, 100);
  t.equal(now.errorRate, 0.05);
  t.equal(now.fallbacks, 1);
  t.same(now.byTarget, { monolith: 0, service: 100 });
  t.ok(Math.abs(now.p50Ms - 50) / 50 < 0.1, `p50 ${now.p50Ms}`);
  t.ok(Math.abs(now.p99Ms - 99) / 99 < 0.1, `p99 ${now.p99Ms}`);
  clock.ms += 70_000;
  t.equal(stats.stats('a')!.requests, 0);
  t.equal(stats.stats('unknown'), null);
});
