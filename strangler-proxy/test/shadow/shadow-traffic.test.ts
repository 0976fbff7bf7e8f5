// Shadow traffic end to end: the client never pays for the copy, differences are named, monolith noise is learned.
import t from 'tap';
import { deadUrl, echo } from '../proxy-harness.js';
import type { UpstreamHandler } from '../proxy-harness.js';
import { evidenceAfter, get, startShadowSetup, until, writeFlag } from './shadow-fixture.js';

const json =
  (body: (url: string) => unknown): UpstreamHandler =>
  (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body(req.url ?? '')));
  };

t.test('shadowing adds no client-visible errors when the service hangs, errors or is down', async (t) => {
  const hanging: { end(): void }[] = [];
  const services: [string, UpstreamHandler | string, string][] = [
    ['hangs', (_req, res) => void hanging.push(res), 'timeout'],
    ['errors', (_req, res) => void res.writeHead(500).end('boom'), ''],
    ['is down', await deadUrl(), 'connect'],
  ];
  for (const [name, service, failure] of services) {
    await t.test(`the service ${name}`, async (t) => {
      const { proxy, monolith } = await startShadowSetup(
        t,
        { monolith: echo('monolith'), service },
        { shadow: { timeoutMs: 100 } },
      );
      await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
      for (let i = 0; i < 5; i++) {
        const response = await get(`${proxy.url}/r/${i}`);
        t.equal(response.status, 200);
        t.match(JSON.parse(response.body), { servedBy: 'monolith', url: `/r/${i}` });
      }
      const summary = await evidenceAfter(proxy, (s) => s.compared + s.failed === 5);
      if (failure === '') {
        t.equal(summary.compared, 5, 'a 500 is an answer: compared, and a mismatch');
        t.equal(summary.matchRate, 0);
        t.ok(summary.fields.some((f) => f.path === 'status' && f.mismatches === 5));
      } else {
        t.same(summary.failures, { [failure]: 5 });
        t.equal(summary.matchRate, 0, 'failed copies count against the service');
      }
      t.ok(proxy.requests().every((r) => r.status === 200 && r.shadow === true));
      t.ok(monolith.received.length >= 5);
      for (const res of hanging.splice(0)) res.end();
    });
  }
});

t.test('the client has its answer while the service still holds the copy', async (t) => {
  const held: { end(): void }[] = [];
  const { proxy } = await startShadowSetup(t, {
    monolith: echo('monolith'),
    service: (_req, res) => void held.push(res),
  });
  await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
  const response = await get(`${proxy.url}/r/1`);
  t.equal(response.status, 200);
  await until(() => held.length === 1, 'the copy to reach the service');
  t.equal(held.length, 1, 'the copy is still unanswered');
  t.match(proxy.evidence.summary('r'), { compared: 0, failed: 0 }, 'and nothing is recorded for it yet');
  for (const res of held.splice(0)) res.end();
});

t.test('a service that returns a different field is caught with the field named', async (t) => {
  const { proxy } = await startShadowSetup(t, {
    monolith: json((url) => ({ url, rating: 5, items: [{ id: 1, price: 10 }], sessionToken: 'm-secret' })),
    service: json((url) => ({ url, rating: 4, items: [{ id: 1, price: 10 }], sessionToken: 's-secret' })),
  });
  await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
  for (let i = 0; i < 4; i++) t.equal((await get(`${proxy.url}/r/${i}?sort=new&page=${i}`)).status, 200);
  const summary = await evidenceAfter(proxy, (s) => s.compared === 4);
  t.equal(summary.matchRate, 0);
  t.same(
    summary.fields.map((f) => f.path),
    ['body.rating', 'body.sessionToken'],
  );
  t.same(summary.shapes, [{ shape: 'GET r ?page&sort', count: 4 }]);
  const sample = summary.samples[0]!;
  t.match(sample.differences, [{ path: 'body.rating', kind: 'changed', a: 5, b: 4 }]);
  t.notMatch(JSON.stringify(sample), /m-secret|s-secret/, 'credentials are redacted from samples');
  t.ok(sample.monolith.body.includes('"rating":5'));

  const admin = await fetch(`${proxy.adminUrl}/routes/r/diffs`, {
    headers: { authorization: 'Bearer admin-token' },
  });
  t.match(await admin.json(), {
    routeId: 'r',
    compared: 4,
    fields: [{ path: 'body.rating', mismatches: 4 }],
  });
  const metrics = await proxy.runtime.metricsText();
  t.match(metrics, /ficus_proxy_shadow_field_mismatches_total\{route="r",field="body.rating"\} 4/);
  t.match(metrics, /ficus_proxy_shadow_match_ratio\{route="r"\} 0/);
  const logged = (): Record<string, unknown>[] => proxy.logs.filter((l) => l.msg === 'shadow mismatch');
  t.match(
    logged()[0],
    { routeId: 'r', count: 1, fields: { 'body.rating': 1, 'body.sessionToken': 1 } },
    'the first mismatch is logged at once',
  );
  // The rest of the route's second arrive in one line when its window closes.
  await until(() => logged().reduce((n, l) => n + (l.count as number), 0) === 4, 'every mismatch logged');
  // A window tick may fall between the requests: never more than first line, one flush, and the tail.
  t.ok(logged().length <= 3, `fewer lines than mismatches (${logged().length})`);
});

t.test('a monolith field that changes on every call is learned as noise and not counted', async (t) => {
  let calls = 0;
  const { proxy, monolith } = await startShadowSetup(
    t,
    {
      monolith: json((url) => ({ url, at: `2026-01-01T00:00:${calls++}`, requestId: `m-${calls}` })),
      service: json((url) => ({ url, at: 'service-time', requestId: 'service-id' })),
    },
    { shadow: { noisePercent: 10 } },
  );
  await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
  for (let i = 0; i < 10; i++) await get(`${proxy.url}/r/${i}`);
  const summary = await evidenceAfter(proxy, (s) => s.compared === 10);
  t.equal(summary.matchRate, 1, 'noise does not count against the service');
  t.equal(summary.noise.masked, 10);
  t.same(summary.fields, []);
  t.same(summary.noise.fields.map((f) => f.path).sort(), ['body.at', 'body.requestId']);
  t.equal(summary.noise.sampled, 10, 'the first requests of a route all get a noise copy');
  t.equal(monolith.received.filter((r) => r.headers['x-ficus-shadow'] === 'noise').length, 10);
  t.equal(summary.samples.length, 0);
});

t.test('writes are not shadowed unless the route opts in, and then the body is copied', async (t) => {
  for (const unsafeMethods of [false, true]) {
    const { proxy, service } = await startShadowSetup(
      t,
      { monolith: echo('monolith'), service: echo('svc') },
      { methods: ['POST'], shadow: { unsafeMethods } },
    );
    await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
    const response = await fetch(`${proxy.url}/r/1`, { method: 'POST', body: 'payload' });
    t.match(await response.json(), { servedBy: 'monolith', body: 'payload' });
    if (unsafeMethods) {
      await until(() => service.received.length === 1);
      t.match(service.received[0], {
        method: 'POST',
        body: 'payload',
        headers: { 'x-ficus-shadow': 'service' },
      });
    } else {
      await new Promise((resolve) => setTimeout(resolve, 50));
      t.equal(service.received.length, 0, 'a POST is not copied by default');
    }
  }
});

t.test('the shadow share, the in-flight cap and the body cap bound the copies', async (t) => {
  const held: { end(): void }[] = [];
  let roll = 0;
  const rolls = [0.1, 0.9, 0.1, 0.9];
  const { proxy, service } = await startShadowSetup(
    t,
    // A short answer: it has to fit the 16-byte cap to be compared.
    { monolith: (_req, res) => void res.end('ok'), service: (_req, res) => void held.push(res) },
    { methods: ['GET', 'PUT'], shadow: { unsafeMethods: true, noisePercent: 0 } },
    { shadow: { maxInFlight: 2, maxBodyBytes: 16 } },
    { random: () => rolls[roll++ % rolls.length]! },
  );
  await writeFlag(proxy, { stage: 'shadow', shadowPercent: 50 });
  for (let i = 0; i < 4; i++) t.equal((await get(`${proxy.url}/r/${i}`)).status, 200);
  await until(() => held.length === 2, 'two copies held');
  t.same(
    service.received.map((r) => r.url),
    ['/r/0', '/r/2'],
    'half the requests, picked by the injected roll',
  );
  await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
  t.equal((await get(`${proxy.url}/r/5`)).status, 200);
  const big = await fetch(`${proxy.url}/r/6`, { method: 'PUT', body: 'x'.repeat(100) });
  t.equal(big.status, 200, 'a body over the shadow cap still reaches the monolith');
  const summary = proxy.evidence.summary('r');
  t.same(summary.skipped, { 'in-flight-cap': 1, 'body-too-large': 1 });
  for (const res of held.splice(0)) res.end();
});

t.test('a canary shadows only its monolith-served share', async (t) => {
  const { proxy, service } = await startShadowSetup(
    t,
    { monolith: echo('monolith'), service: echo('svc') },
    { stickyBy: 'header:x-user', shadow: { noisePercent: 0 } },
  );
  await writeFlag(proxy, { stage: 'canary', percent: 50, shadowPercent: 100, stickyBy: 'header:x-user' });
  let onMonolith = 0;
  for (let i = 0; i < 20; i++) {
    const response = await get(`${proxy.url}/r/${i}`, { 'x-user': `u${i}` });
    if (JSON.parse(response.body).servedBy === 'monolith') onMonolith++;
  }
  await until(() => service.received.length === 20);
  const copies = service.received.filter((r) => r.headers['x-ficus-shadow'] === 'service').length;
  t.equal(copies, onMonolith, 'one copy per monolith-served request');
  t.ok(onMonolith > 0 && onMonolith < 20);
});

t.test('a monolith answer over the body cap is not compared and sends no copy', async (t) => {
  const { proxy, service } = await startShadowSetup(
    t,
    { monolith: (_req, res) => void res.end('x'.repeat(64)), service: echo('svc') },
    { shadow: { noisePercent: 0 } },
    { shadow: { maxBodyBytes: 32 } },
  );
  await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
  const response = await get(`${proxy.url}/r/1`);
  t.equal(response.body.length, 64, 'the client gets the whole answer');
  const summary = await evidenceAfter(proxy, (s) => s.skipped['monolith-too-large'] === 1);
  t.equal(summary.compared, 0);
  t.equal(summary.matchRate, null, 'a skipped request is no evidence either way');
  t.equal(service.received.length, 0);
});
