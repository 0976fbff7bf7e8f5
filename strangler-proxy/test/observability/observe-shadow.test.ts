// Shadow log lines are rate-limited per route: a service failing every copy costs one line a second, not one a request.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import t from 'tap';
import { observeShadow } from '../../src/observability/observe-shadow.js';
import { ProxyMetrics } from '../../src/observability/proxy-metrics.js';
import type { ShadowDelta } from '../../src/shadow/worker-protocol.js';

function setup(): { lines: Record<string, unknown>[]; observer: ReturnType<typeof observeShadow> } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  const observer = observeShadow(pino(sink), new ProxyMetrics());
  return { lines, observer };
}

const failures = (routeId: string, n: number, from = 0): ShadowDelta => ({
  routeId,
  matched: 0,
  mismatched: 0,
  failed: { timeout: n },
  fields: {},
  monolithMs: [],
  serviceMs: [],
  events: Array.from({ length: n }, (_, i) => ({ reqId: `q${from + i}`, failure: 'timeout' })),
});

t.test('a flood of failed copies is one line at once and one line for the rest of the window', async (t) => {
  const { lines, observer } = setup();
  t.teardown(() => observer.close());
  observer.onDelta(failures('r', 1));
  await new Promise((resolve) => setImmediate(resolve));
  t.match(lines, [
    { msg: 'shadow copy failed', routeId: 'r', count: 1, failures: { timeout: 1 }, reqIds: ['q0'] },
  ]);
  for (let i = 0; i < 100; i++) observer.onDelta(failures('r', 10, 1 + i * 10));
  observer.onDelta(failures('other', 2));
  await new Promise((resolve) => setImmediate(resolve));
  t.equal(lines.length, 2, 'nothing more for r until its window closes; another route has its own window');
  observer.close();
  await new Promise((resolve) => setImmediate(resolve));
  const r = lines.filter((l) => l.routeId === 'r');
  t.equal(r.length, 2);
  t.match(r[1], { count: 1000, failures: { timeout: 1000 }, reqIds: ['q1', 'q2', 'q3', 'q4', 'q5'] });
});

t.test('mismatches name their fields with counts', async (t) => {
  const { lines, observer } = setup();
  t.teardown(() => observer.close());
  observer.onDelta({
    routeId: 'r',
    matched: 0,
    mismatched: 2,
    failed: {},
    fields: { 'body.rating': 2 },
    monolithMs: [1, 1],
    serviceMs: [2, 2],
    events: [
      { reqId: 'a', fields: ['body.rating'] },
      { reqId: 'b', fields: ['body.rating', 'body.name'] },
    ],
  });
  observer.close();
  await new Promise((resolve) => setImmediate(resolve));
  t.match(lines, [
    { msg: 'shadow mismatch', count: 1, fields: { 'body.rating': 1 }, reqIds: ['a'] },
    { msg: 'shadow mismatch', count: 1, fields: { 'body.rating': 1, 'body.name': 1 }, reqIds: ['b'] },
  ]);
});
