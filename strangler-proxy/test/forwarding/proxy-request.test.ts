// The data plane end to end on loopback: every stage, canary stickiness, path canonicalisation, header hygiene.
import t from 'tap';
import type { Test } from 'tap';
import { echo, rawRequest, setFlag, startTestProxy, startUpstream, testConfig } from '../proxy-harness.js';

async function setup(t: Test, proxyExtra: Record<string, unknown> = {}) {
  const monolith = await startUpstream(t, echo('monolith'));
  const reviews = await startUpstream(t, echo('reviews'));
  const config = testConfig({
    proxy: { trustedProxies: [], ...proxyExtra },
    monolith: { url: monolith.url },
    services: { reviews: { url: reviews.url, team: 'reviews' } },
    routes: [
      {
        id: 'reviews.list',
        path: '/api/products/:id/reviews',
        methods: ['GET'],
        service: 'reviews',
        owner: 'reviews',
      },
      {
        id: 'reviews.add',
        path: '/api/reviews',
        methods: ['POST'],
        service: 'reviews',
        owner: 'reviews',
        bodyLimitBytes: 1000,
      },
      { id: 'reviews.admin', path: '/admin/*', service: 'reviews', owner: 'reviews' },
    ],
  });
  const proxy = await startTestProxy(t, config);
  return { monolith, reviews, proxy };
}

t.test('with no flag, a matched route and the default route both go to the monolith', async (t) => {
  const { proxy, reviews } = await setup(t);
  const a = await fetch(`${proxy.url}/api/products/1/reviews`);
  t.equal(a.headers.get('x-served-by'), 'monolith');
  const b = await fetch(`${proxy.url}/somewhere/else?x=1`);
  t.equal(b.headers.get('x-served-by'), 'monolith');
  t.equal(((await b.json()) as { url: string }).url, '/somewhere/else?x=1');
  t.equal(reviews.received.length, 0);
  const [first, second] = proxy.requests();
  t.match(first, {
    routeId: 'reviews.list',
    stage: 'monolith',
    target: 'monolith',
    status: 200,
    fallback: false,
    shadow: false,
  });
  t.match(second, { routeId: '(default)', target: 'monolith' });
  t.type(first!.durationMs, 'number');
  t.type(first!.reqId, 'string');
});

for (const [stage, expected] of [
  ['monolith', 'monolith'],
  ['shadow', 'monolith'],
  ['service', 'reviews'],
] as const) {
  t.test(`stage ${stage} is served by the ${expected}`, async (t) => {
    const { proxy } = await setup(t);
    await setFlag(proxy, 'reviews.list', { stage });
    const response = await fetch(`${proxy.url}/api/products/7/reviews`);
    t.equal(response.headers.get('x-served-by'), expected);
    t.match(proxy.requests()[0], { stage, routeId: 'reviews.list' });
  });
}

t.test('a canary sends a sticky share of users to the service', async (t) => {
  const { proxy } = await setup(t);
  await setFlag(proxy, 'reviews.list', { stage: 'canary', percent: 30, stickyBy: 'header:x-user' });
  const served = new Map<string, string>();
  for (let i = 0; i < 200; i++) {
    const r = await fetch(`${proxy.url}/api/products/1/reviews`, { headers: { 'x-user': `u${i}` } });
    served.set(`u${i}`, r.headers.get('x-served-by') ?? '');
    await r.arrayBuffer();
  }
  const onService = [...served.values()].filter((s) => s === 'reviews').length;
  t.ok(onService > 30 && onService < 90, `${onService} of 200 on the service`);
  for (const user of ['u1', 'u2', 'u3', 'u4', 'u5']) {
    const r = await fetch(`${proxy.url}/api/products/1/reviews`, { headers: { 'x-user': user } });
    t.equal(r.headers.get('x-served-by'), served.get(user), `${user} stays where it was`);
  }
  await setFlag(proxy, 'reviews.list', { stage: 'canary', percent: 60, stickyBy: 'header:x-user' });
  for (const [user, where] of served) {
    if (where !== 'reviews') continue;
    const r = await fetch(`${proxy.url}/api/products/1/reviews`, { headers: { 'x-user': user } });
    t.equal(r.headers.get('x-served-by'), 'reviews', `${user} stays on the service after raising the share`);
  }
});

// Each row: raw target, the path the upstream must receive (or a status when refused), the expected route.
const paths: [string, string | number, string][] = [
  ['/admin/../api/products/1/reviews', '/api/products/1/reviews', 'reviews.list'],
  ['/./admin/x', '/admin/x', 'reviews.admin'],
  ['/api/products/1/%2e%2e/2/reviews', '/api/products/2/reviews', 'reviews.list'],
  ['/api/products/1%2Freviews', 400, '(default)'],
  ['/admin%2fx', 400, '(default)'],
  ['//admin//x', '/admin/x', 'reviews.admin'],
  ['/admin;jsessionid=1/x', '/admin;jsessionid=1/x', '(default)'],
  ['/admin\\x', 400, '(default)'],
  ['/ADMIN/x', '/ADMIN/x', '(default)'],
  ['/%61dmin/%7e', '/admin/~', 'reviews.admin'],
  ['/admin/caf%c3%a9', '/admin/caf%C3%A9', 'reviews.admin'],
  ['/../admin/x', 400, '(default)'],
  ['/admin/%zz', 400, '(default)'],
];

t.test('the decision path is exactly the path the upstream receives', async (t) => {
  const { proxy, monolith, reviews } = await setup(t);
  await setFlag(proxy, 'reviews.list', { stage: 'service' });
  await setFlag(proxy, 'reviews.admin', { stage: 'service' });
  for (const [raw, expected, routeId] of paths) {
    const before = monolith.received.length + reviews.received.length;
    const { status } = await rawRequest(proxy.url, raw);
    const log = proxy.requests().at(-1)!;
    t.equal(log.routeId, routeId, `${raw} routed as ${routeId}`);
    if (typeof expected === 'number') {
      t.equal(status, expected, `${raw} refused`);
      t.equal(monolith.received.length + reviews.received.length, before, `${raw} reached no upstream`);
    } else {
      const last = routeId === '(default)' ? monolith.received.at(-1) : reviews.received.at(-1);
      t.equal(status, 200, `${raw} served`);
      t.equal(last?.url, expected, `${raw} forwarded as ${expected}`);
      t.equal(log.path, expected, `${raw} routed on ${expected}`);
    }
  }
});

t.test('hop-by-hop headers are removed both ways and forwarding headers are set by the proxy', async (t) => {
  const monolith = await startUpstream(t, (_req, res) => {
    res.writeHead(200, {
      connection: 'x-secret-hop, keep-alive',
      'x-secret-hop': '1',
      'keep-alive': 'timeout=5',
      'x-kept': 'yes',
    });
    res.end('ok');
  });
  const proxy = await startTestProxy(t, testConfig({ monolith: { url: monolith.url } }));
  const response = await rawRequest(proxy.url, '/x', {
    headers: {
      connection: 'x-client-hop',
      'x-client-hop': 'drop me',
      'proxy-authorization': 'Basic abc',
      te: 'trailers',
      'x-forwarded-for': '6.6.6.6',
      'x-forwarded-host': 'evil.test',
      'x-forwarded-proto': 'https',
      forwarded: 'for=6.6.6.6',
      'x-request-id': 'req-123',
      'x-ficus-tester-token': 'secret',
    },
  });
  t.equal(response.headers['x-kept'], 'yes');
  t.equal(response.headers['x-secret-hop'], undefined);
  t.not(response.headers['keep-alive'], 'timeout=5');
  t.equal(response.headers['x-request-id'], 'req-123');
  const seen = monolith.received[0]!.headers;
  t.equal(seen['x-client-hop'], undefined);
  t.equal(seen['proxy-authorization'], undefined);
  t.equal(seen.te, undefined);
  t.equal(seen['x-ficus-tester-token'], undefined);
  t.equal(seen['x-forwarded-for'], '127.0.0.1');
  t.equal(seen['x-forwarded-proto'], 'http');
  t.match(seen['x-forwarded-host'], /^127\.0\.0\.1:\d+$/);
  t.match(seen.forwarded, /^for=127\.0\.0\.1;proto=http;host="127\.0\.0\.1:\d+"$/);
  t.equal(seen['x-request-id'], 'req-123');
});

t.test('a trusted peer keeps the client forwarding headers and is appended to them', async (t) => {
  const monolith = await startUpstream(t, echo('monolith'));
  const proxy = await startTestProxy(
    t,
    testConfig({ proxy: { trustedProxies: ['127.0.0.0/8'] }, monolith: { url: monolith.url } }),
  );
  await fetch(`${proxy.url}/x`, {
    headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', forwarded: 'for=203.0.113.9' },
  });
  const seen = monolith.received[0]!.headers;
  t.equal(seen['x-forwarded-for'], '203.0.113.9, 127.0.0.1');
  t.equal(seen['x-forwarded-proto'], 'https');
  t.match(seen.forwarded, /^for=203\.0\.113\.9, for=127\.0\.0\.1;/);
});

t.test('a request id is generated when absent and reaches the upstream and the client', async (t) => {
  const { proxy, monolith } = await setup(t);
  const response = await fetch(`${proxy.url}/x`);
  const id = response.headers.get('x-request-id');
  t.match(id, /^[0-9a-f-]{36}$/);
  t.equal(monolith.received[0]!.headers['x-request-id'], id);
  t.equal(proxy.requests()[0]!.reqId, id);
});

t.test('request bodies stream to the upstream', async (t) => {
  const { proxy, reviews } = await setup(t);
  await setFlag(proxy, 'reviews.add', { stage: 'service' });
  const response = await fetch(`${proxy.url}/api/reviews`, {
    method: 'POST',
    body: 'hello',
    headers: { 'content-type': 'text/plain' },
  });
  t.equal(response.status, 200);
  t.equal(reviews.received[0]!.body, 'hello');
});

t.test('a tester token forces the target only when the config allows it', async (t) => {
  const token = 'tester-secret';
  const { createHash } = await import('node:crypto');
  const sha256 = createHash('sha256').update(token).digest('hex');
  const monolith = await startUpstream(t, echo('monolith'));
  const reviews = await startUpstream(t, echo('reviews'));
  const raw = {
    monolith: { url: monolith.url },
    services: { reviews: { url: reviews.url, team: 'reviews' } },
    routes: [{ id: 'r', path: '/r', methods: ['GET'], service: 'reviews', owner: 'reviews' }],
    auth: { tokens: [{ team: 'reviews', role: 'tester', sha256 }] },
  };
  const on = await startTestProxy(t, testConfig({ ...raw, proxy: { allowTesterOverride: true } }));
  const off = await startTestProxy(t, testConfig(raw));
  const headers = { 'x-ficus-target': 'service', 'x-ficus-tester-token': token };
  t.equal((await fetch(`${on.url}/r`, { headers })).headers.get('x-served-by'), 'reviews');
  t.equal(
    (await fetch(`${on.url}/r`, { headers: { ...headers, 'x-ficus-tester-token': 'wrong' } })).headers.get(
      'x-served-by',
    ),
    'monolith',
  );
  t.equal((await fetch(`${off.url}/r`, { headers })).headers.get('x-served-by'), 'monolith');
});

t.test('large bodies stream through intact in both directions', async (t) => {
  const big = Buffer.alloc(4 * 1024 * 1024, 'abcdefgh');
  const monolith = await startUpstream(t, (_req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-received': String(body.length) });
    res.end(big);
  });
  const proxy = await startTestProxy(
    t,
    testConfig({ proxy: { defaultBodyLimitBytes: 8 * 1024 * 1024 }, monolith: { url: monolith.url } }),
  );
  const response = await fetch(`${proxy.url}/upload`, { method: 'PUT', body: big });
  const received = Buffer.from(await response.arrayBuffer());
  t.equal(response.headers.get('x-received'), String(big.length));
  t.equal(received.length, big.length);
  t.ok(received.equals(big));
});

t.test('an unusable client request id is replaced', async (t) => {
  const { proxy, monolith } = await setup(t);
  const response = await fetch(`${proxy.url}/x`, { headers: { 'x-request-id': 'has spaces and "quotes"' } });
  t.match(response.headers.get('x-request-id'), /^[0-9a-f-]{36}$/);
  t.equal(monolith.received[0]!.headers['x-request-id'], response.headers.get('x-request-id'));
});

t.test('HEAD on a GET route is routed like GET and gets no body', async (t) => {
  const { proxy, reviews } = await setup(t);
  await setFlag(proxy, 'reviews.list', { stage: 'service' });
  const response = await fetch(`${proxy.url}/api/products/1/reviews`, { method: 'HEAD' });
  t.equal(response.status, 200);
  t.equal(response.headers.get('x-served-by'), 'reviews');
  t.equal((await response.arrayBuffer()).byteLength, 0);
  t.equal(reviews.received[0]!.method, 'HEAD');
});
