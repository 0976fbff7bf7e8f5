import t from 'tap';
import { ProxyError } from '../../src/errors.js';
import { CONFIG, STATS, TOKENS, startAdmin } from './admin-fixture.js';

t.test('reads need a valid bearer token; health and readiness do not', async (t) => {
  const admin = await startAdmin(t);
  const paths = ['/routes', '/routes/reviews.list', '/routes/reviews.list/diffs', '/audit', '/metrics'];
  const callers: Array<[string, Record<string, string>, number]> = [
    ['no Authorization header', {}, 401],
    ['another scheme', { authorization: `Basic ${TOKENS.admin}` }, 401],
    ['an unknown token', { authorization: 'Bearer nope' }, 401],
    ['a token with trailing junk', { authorization: `Bearer ${TOKENS.admin} x` }, 401],
    ['a team token', { authorization: `Bearer ${TOKENS.orders}` }, 200],
    ['a tester token', { authorization: `bearer ${TOKENS.tester}` }, 200],
  ];
  for (const path of paths) {
    for (const [who, headers, status] of callers) {
      const res = await admin.request('GET', path, { token: null, headers });
      t.equal(res.status, status, `${who} → GET ${path}`);
      if (status === 401) {
        t.match(await res.json(), { error: { code: 'FICUS_PROXY_ADMIN_UNAUTHENTICATED' } });
        t.equal(res.headers.get('www-authenticate'), 'Bearer realm="ficus-admin"');
      }
    }
  }
  t.equal((await admin.request('GET', '/healthz', { token: null })).status, 200);
  t.equal((await admin.request('GET', '/readyz', { token: null })).status, 503);
});

t.test('a team flips only the routes it owns, an admin flips all, a tester none', async (t) => {
  const admin = await startAdmin(t);
  const cases: Array<[string, string | null, string, number, string | null]> = [
    ['owning team', TOKENS.reviews, 'reviews.list', 200, null],
    ['other team', TOKENS.orders, 'reviews.list', 403, 'forbidden'],
    ['admin', TOKENS.admin, 'orders.get', 200, null],
    ['tester', TOKENS.tester, 'reviews.list', 403, 'forbidden'],
    ['no token', null, 'orders.get', 401, 'unauthenticated'],
    ['unknown token', 'guess', 'orders.get', 401, 'unauthenticated'],
  ];
  for (const [who, token, routeId, status, audited] of cases) {
    const version = (await admin.store.get(routeId))?.version ?? 0;
    const res = await admin.request('PUT', `/routes/${routeId}/flag`, {
      token,
      body: { stage: 'canary', percent: 5, reason: `by ${who}` },
      headers: { 'if-match': `"${version}"` },
    });
    t.equal(res.status, status, who);
    if (audited !== null) {
      const [entry] = await admin.store.audit({ routeId, limit: 1 });
      // The body of an unauthenticated request is never parsed: its audit entry records the attempt only.
      const to =
        audited === 'unauthenticated'
          ? { to: null, reason: '' }
          : { reason: `by ${who}`, to: { stage: 'canary', percent: 5 } };
      t.match(entry, { result: audited, ...to }, `${who} is audited`);
    }
  }
  const [refusal] = await admin.store.audit({ limit: 1 });
  t.equal(refusal?.actor, 'anonymous');
  const forbidden = (await admin.store.audit()).find((e) => e.result === 'forbidden' && e.actor === 'orders');
  t.match(forbidden, { detail: /owned by team reviews/ });
});

t.test('a write answers the route with its new version as ETag and audits it', async (t) => {
  const admin = await startAdmin(t);
  const res = await admin.request('PUT', '/routes/reviews.list/flag', {
    token: TOKENS.reviews,
    body: { stage: 'canary', percent: 12.5, reason: 'first slice' },
    headers: { 'if-match': '0' },
  });
  t.equal(res.status, 200);
  t.equal(res.headers.get('etag'), '"1"');
  t.match(await res.json(), {
    id: 'reviews.list',
    owner: 'reviews',
    stage: 'canary',
    version: 1,
    flag: {
      percent: 12.5,
      stickyBy: 'header:x-user-id',
      updatedBy: 'reviews',
      reason: 'first slice',
      updatedAt: '2026-03-01T12:00:01.000Z',
    },
  });
  t.match(await admin.store.audit(), [
    {
      routeId: 'reviews.list',
      actor: 'reviews',
      result: 'ok',
      from: null,
      to: { stage: 'canary', percent: 12.5 },
    },
  ]);
  const next = await admin.request('PUT', '/routes/reviews.list/flag', {
    token: TOKENS.admin,
    body: { stage: 'service', reason: 'done' },
    headers: { 'if-match': '"1"' },
  });
  t.equal(next.status, 200);
  t.match(await next.json(), {
    flag: { stage: 'service', percent: 0, version: 2, updatedBy: 'platform (admin)' },
  });
});

t.test(
  'If-Match is required, must be one version, and a stale one answers 409 with the current flag',
  async (t) => {
    const admin = await startAdmin(t);
    const put = (ifMatch: string | undefined, percent = 5): Promise<Response> =>
      admin.request('PUT', '/routes/reviews.list/flag', {
        body: { stage: 'canary', percent, reason: 'ramp' },
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });
    const missing = await put(undefined);
    t.equal(missing.status, 428);
    t.match(await missing.json(), { error: { code: 'FICUS_PROXY_ADMIN_IF_MATCH_REQUIRED' } });
    for (const bad of ['*', 'W/"0"', '"1", "2"', 'abc']) {
      const res = await put(bad);
      t.equal(res.status, 400, `If-Match: ${bad}`);
    }
    t.equal((await put('0')).status, 200);
    const stale = await put('0', 50);
    t.equal(stale.status, 409);
    t.equal(stale.headers.get('etag'), '"1"');
    t.match(await stale.json(), {
      error: { code: 'FICUS_PROXY_ADMIN_CONFLICT', message: /version 1/ },
      current: { version: 1, percent: 5 },
    });
    t.equal((await admin.store.get('reviews.list'))?.percent, 5);
    const results = (await admin.store.audit()).map((e) => e.result);
    t.same(
      results,
      ['conflict', 'ok', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid'],
      'every refusal is audited',
    );
  },
);

t.test('flag bodies are validated and every refusal names the field', async (t) => {
  const admin = await startAdmin(t);
  const cases: Array<[string, unknown, RegExp]> = [
    ['unknown field', { stage: 'service', reason: 'x', weight: 3 }, /weight: is not a known field/],
    ['no stage', { reason: 'x' }, /stage: is required/],
    ['no reason', { stage: 'service' }, /reason: is required/],
    ['empty reason', { stage: 'service', reason: '' }, /reason/],
    ['unknown stage', { stage: 'live', reason: 'x' }, /stage/],
    ['percent above 100', { stage: 'canary', percent: 101, reason: 'x' }, /percent/],
    ['percent finer than 0.01', { stage: 'canary', percent: 0.001, reason: 'x' }, /steps of 0\.01/],
    ['percent as a string', { stage: 'canary', percent: '5', reason: 'x' }, /percent: must be number/],
    ['percent outside canary', { stage: 'service', percent: 5, reason: 'x' }, /only to stage canary/],
    ['bad stickyBy', { stage: 'canary', percent: 5, stickyBy: 'query:user', reason: 'x' }, /stickyBy/],
    ['not an object', [1, 2], /body/],
  ];
  for (const [what, body, message] of cases) {
    const res = await admin.request('PUT', '/routes/reviews.list/flag', {
      body,
      headers: { 'if-match': '0' },
    });
    t.equal(res.status, 400, what);
    t.match(await res.json(), { error: { code: 'FICUS_PROXY_ADMIN_INVALID_REQUEST', message } }, what);
  }
  const broken = await fetch(`${admin.url}/routes/reviews.list/flag`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/json', 'if-match': '0' },
    body: '{"stage":',
  });
  t.equal(broken.status, 400, 'malformed JSON');
  t.equal(await admin.store.get('reviews.list'), null);
  t.equal((await admin.store.audit()).filter((e) => e.result === 'invalid').length, cases.length + 1);
});

t.test('an unknown route id answers 404 on every route endpoint', async (t) => {
  const admin = await startAdmin(t);
  for (const [method, path] of [
    ['GET', '/routes/nope'],
    ['GET', '/routes/nope/diffs'],
    ['PUT', '/routes/nope/flag'],
  ] as const) {
    const res = await admin.request(method, path, {
      body: method === 'PUT' ? { stage: 'service', reason: 'x' } : undefined,
      headers: { 'if-match': '0' },
    });
    t.equal(res.status, 404, `${method} ${path}`);
    t.match(await res.json(), { error: { code: 'FICUS_PROXY_ADMIN_NOT_FOUND' } });
  }
  t.equal((await admin.request('GET', '/nowhere')).status, 404);
});

t.test(
  'GET /routes shows definitions, stored flags, what the data plane applies, and live stats',
  async (t) => {
    const admin = await startAdmin(t);
    await admin.store.set('reviews.list', { stage: 'canary', percent: 5, reason: 'r' }, 0, 'reviews');
    await admin.store.set('reviews.list', { stage: 'canary', percent: 10, reason: 'r' }, 1, 'reviews');
    admin.runtime.applied = { flags: new Map([['reviews.list', (await admin.store.get('reviews.list'))!]]) };
    await admin.store.set('reviews.list', { stage: 'canary', percent: 20, reason: 'r' }, 2, 'reviews');
    const res = await admin.request('GET', '/routes', { token: TOKENS.tester });
    const body = (await res.json()) as { routes: unknown[] };
    t.match(body.routes, [
      {
        id: 'reviews.list',
        path: '/api/products/:productId/reviews',
        methods: ['GET'],
        service: 'reviews',
        stage: 'canary',
        version: 3,
        appliedVersion: 2,
        stats: STATS,
        flagProblem: null,
      },
      { id: 'orders.get', stage: 'monolith', version: 0, appliedVersion: 0, flag: null, stats: null },
    ]);
    t.equal(body.routes.length, CONFIG.routes.length);
    const one = await admin.request('GET', '/routes/reviews.list');
    t.equal(one.headers.get('etag'), '"3"');
    t.match(await one.json(), { id: 'reviews.list', flag: { percent: 20 } });
    t.equal((await admin.request('GET', '/routes/orders.get')).headers.get('etag'), '"0"');
  },
);

t.test('GET /audit is newest first, filters by route and bounds its limit', async (t) => {
  const admin = await startAdmin(t);
  await admin.store.set('reviews.list', { stage: 'shadow', reason: 'a' }, 0, 'reviews');
  await admin.store.set('orders.get', { stage: 'service', reason: 'b' }, 0, 'orders');
  await admin.store.set('reviews.list', { stage: 'monolith', reason: 'c' }, 1, 'reviews');
  const all = (await (await admin.request('GET', '/audit')).json()) as { entries: Array<{ reason: string }> };
  t.same(
    all.entries.map((e) => e.reason),
    ['c', 'b', 'a'],
  );
  const one = (await (await admin.request('GET', '/audit?route=reviews.list&limit=1')).json()) as {
    entries: Array<{ reason: string }>;
  };
  t.same(
    one.entries.map((e) => e.reason),
    ['c'],
  );
  for (const limit of ['0', '1001', 'ten', '1.5']) {
    t.equal((await admin.request('GET', `/audit?limit=${limit}`)).status, 400, `limit=${limit}`);
  }
});

t.test('metrics, diffs and readiness come from the data plane', async (t) => {
  const admin = await startAdmin(t);
  const metrics = await admin.request('GET', '/metrics');
  t.equal(metrics.headers.get('content-type'), admin.runtime.metricsContentType);
  t.match(await metrics.text(), /ficus_requests_total\{route="reviews.list"\} 120/);
  t.match(await (await admin.request('GET', '/routes/reviews.list/diffs')).json(), {
    routeId: 'reviews.list',
    compared: 0,
    matchRate: null,
    stage: 'monolith',
    samples: [],
  });
  const before = await admin.request('GET', '/readyz', { token: null });
  t.equal(before.status, 503);
  t.match(await before.json(), { ready: false, checks: { config: 'loaded' } });
  admin.runtime.ready = true;
  t.equal((await admin.request('GET', '/readyz', { token: null })).status, 200);
  t.match(await (await admin.request('GET', '/healthz', { token: null })).json(), { status: 'ok' });
});

t.test(
  'a bad value in the store shows on the route as a problem, with the version to repair it',
  async (t) => {
    const admin = await startAdmin(t);
    const original = admin.store.list.bind(admin.store);
    admin.store.list = async () => ({
      ...(await original()),
      invalid: [{ routeId: 'orders.get', problem: 'stage: must be one of …', version: 6 }],
    });
    const res = await admin.request('GET', '/routes/orders.get');
    t.equal(res.headers.get('etag'), '"6"', 'the version a repairing write must name');
    t.match(await res.json(), { flagProblem: /stage/, flag: null, version: 6 });
  },
);

t.test('a failing store answers 503 with its code, anything else 500 with no internals', async (t) => {
  const admin = await startAdmin(t);
  admin.store.list = async () => {
    throw new ProxyError('FICUS_PROXY_FLAG_STORE_UNREADABLE', 'flag file /srv/flags.json is not valid JSON');
  };
  const res = await admin.request('GET', '/routes');
  t.equal(res.status, 503);
  t.match(await res.json(), { error: { code: 'FICUS_PROXY_FLAG_STORE_UNREADABLE' } });
  admin.store.audit = async () => {
    throw new TypeError('boom at /srv/secret/path');
  };
  const crash = await admin.request('GET', '/audit');
  t.equal(crash.status, 500);
  t.same(await crash.json(), {
    error: { code: 'FICUS_PROXY_ADMIN_INTERNAL', message: 'the admin API failed; see the proxy log' },
  });
});
