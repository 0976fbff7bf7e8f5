// Evidence per route: match rate, noise learned later clears earlier mismatches, bounded samples, redaction.
import t from 'tap';
import { compareResponses } from '../../src/comparison/compare-responses.js';
import type { RecordedResponse } from '../../src/comparison/compare-responses.js';
import { RouteEvidence } from '../../src/comparison/evidence-book.js';
import type { ShadowOutcome } from '../../src/comparison/evidence-book.js';

const res = (body: unknown, headers: Record<string, string> = {}): RecordedResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

function compared(a: unknown, b: unknown, noise?: unknown, path = '/r/1'): ShadowOutcome {
  const monolith = res(a, { 'set-cookie': 'sid=secret' });
  const service = res(b);
  return {
    kind: 'compared',
    routeId: 'r',
    reqId: 'q',
    method: 'GET',
    path,
    at: 0,
    comparison: compareResponses(monolith, service),
    responses: { monolith, service },
    monolithMs: 2,
    serviceMs: 3,
    ...(noise === undefined ? {} : { noise: compareResponses(monolith, res(noise)) }),
  };
}

t.test('the match rate counts mismatches and failed copies against the service', async (t) => {
  const e = new RouteEvidence('r');
  t.equal(e.summary().matchRate, null, 'no evidence yet');
  e.record(compared({ a: 1 }, { a: 1 }));
  e.record(compared({ a: 1 }, { a: 2 }));
  e.record({
    kind: 'failed',
    failure: 'timeout',
    routeId: 'r',
    reqId: 'q',
    method: 'GET',
    path: '/r/2',
    at: 0,
  });
  const s = e.summary();
  t.match(s, { compared: 2, matched: 1, mismatched: 1, failed: 1, failures: { timeout: 1 } });
  t.equal(s.matchRate, 1 / 3);
  t.same(s.fields, [{ path: 'body.a', mismatches: 1 }]);
  t.same(s.latency.service, { count: 2, p50Ms: 3, p99Ms: 3 });
});

t.test('noise learned after a mismatch also clears that earlier mismatch', async (t) => {
  const e = new RouteEvidence('r');
  t.same(
    e.record(compared({ at: 1, x: 1 }, { at: 9, x: 1 })),
    ['body.at'],
    'counted before the noise is known',
  );
  t.equal(e.summary().matchRate, 0);
  t.same(e.record(compared({ at: 2, x: 1 }, { at: 9, x: 1 }, { at: 3, x: 1 })), [], 'learned: not counted');
  const s = e.summary();
  t.equal(s.matchRate, 1);
  t.match(s.noise, { sampled: 1, masked: 2, fields: [{ path: 'body.at', count: 1 }] });
  t.same(s.fields, []);
});

t.test('array indexes generalise, and a status that differs is never learned as noise', async (t) => {
  const e = new RouteEvidence('r');
  e.record(
    compared(
      { items: [{ at: 1 }, { at: 2 }] },
      { items: [{ at: 1 }, { at: 2 }] },
      { items: [{ at: 5 }, { at: 6 }] },
    ),
  );
  t.same(e.summary().noise.fields, [{ path: 'body.items[*].at', count: 2 }]);
  const monolith = res({});
  e.record({
    ...(compared({}, {}) as ShadowOutcome & { kind: 'compared' }),
    noise: compareResponses(monolith, { ...monolith, status: 500 }),
  });
  t.notOk(e.summary().noise.fields.some((f) => f.path === 'status'));
});

t.test('samples are bounded, newest first, with credentials redacted and bodies cut', async (t) => {
  const e = new RouteEvidence('r', { samples: 2, sampleBodyChars: 30, distinct: 10, latencyWindow: 4 });
  for (let i = 0; i < 5; i++) {
    e.record(
      compared(
        { i, password: 'hunter2', long: 'x'.repeat(100) },
        { i: -i, password: 'p' },
        undefined,
        `/r/${i}?token=abc&q=1`,
      ),
    );
  }
  const s = e.summary();
  t.equal(s.samples.length, 2);
  t.equal(s.samples[0]!.path, '/r/4?token=[redacted]&q=1');
  t.equal(s.samples[0]!.monolith.headers['set-cookie'], '[redacted]');
  t.equal(s.samples[0]!.monolith.truncated, true);
  t.equal(s.samples[0]!.monolith.body.length, 30);
  t.notMatch(JSON.stringify(s.samples), /hunter2/);
  t.same(s.shapes, [{ shape: 'GET r ?q&token', count: 5 }]);
});

t.test('distinct fields and shapes are capped, the rest counted together', async (t) => {
  const e = new RouteEvidence('r', { samples: 0, sampleBodyChars: 10, distinct: 3, latencyWindow: 4 });
  for (let i = 0; i < 6; i++) e.record(compared({ [`f${i}`]: 1 }, { [`f${i}`]: 2 }, undefined, `/r?k${i}=1`));
  const s = e.summary();
  t.equal(s.fields.length, 4, 'three fields and the overflow entry');
  t.ok(s.fields.some((f) => f.path === '(other)' && f.mismatches === 3));
  t.equal(s.mismatched, 6, 'the overflow still counts against the match rate');
  t.equal(s.samples.length, 0);
});

t.test('latency percentiles sort the kept times as numbers, not as text', async (t) => {
  const e = new RouteEvidence('r');
  // As text, 100 and 10 sort before 2 and 9; as numbers, the middle of these four is 10.
  for (const serviceMs of [10, 9, 100, 2])
    e.record({ ...compared({ a: 1 }, { a: 1 }), serviceMs } as ShadowOutcome);
  t.same(e.summary().latency.service, { count: 4, p50Ms: 10, p99Ms: 100 });
});
