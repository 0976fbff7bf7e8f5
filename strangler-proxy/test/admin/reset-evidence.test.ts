// `DELETE /routes/:id/diffs`: owners clear a route's shadow evidence, audited; everyone else is refused, audited too.
import t from 'tap';
import type { Test } from 'tap';
import { LOG_EVENTS } from '../../src/observability/names.js';
import type { UpstreamHandler } from '../proxy-harness.js';
import { ADMIN_TOKEN, evidenceAfter, get, startShadowSetup, writeFlag } from '../shadow/shadow-fixture.js';
import { FakeRuntime, TOKENS, mismatchingEvidence, startAdmin } from './admin-fixture.js';
import type { AdminHarness } from './admin-fixture.js';

const CLEARED = { compared: 40, matched: 37, mismatched: 3, failed: 1 };

async function startWithEvidence(t: Test, runtime?: FakeRuntime): Promise<AdminHarness> {
  const admin = await startAdmin(t, runtime);
  for (const id of ['reviews.list', 'orders.get']) {
    admin.runtime.evidenceByRoute.set(id, mismatchingEvidence(id));
  }
  return admin;
}

async function diffs(admin: AdminHarness, routeId: string): Promise<Record<string, unknown>> {
  return (await (await admin.request('GET', `/routes/${routeId}/diffs`)).json()) as Record<string, unknown>;
}

t.test('the owning team clears its route: the answer and the audit trail say what was cleared', async (t) => {
  const admin = await startWithEvidence(t);
  await admin.store.set(
    'reviews.list',
    { stage: 'shadow', shadowPercent: 100, reason: 'compare' },
    0,
    'reviews',
  );
  const res = await admin.request('DELETE', '/routes/reviews.list/diffs', {
    token: TOKENS.reviews,
    body: { reason: 'v2 fixes the rating rounding' },
  });
  t.equal(res.status, 200);
  t.same(await res.json(), { routeId: 'reviews.list', cleared: CLEARED });

  t.match(await diffs(admin, 'reviews.list'), {
    compared: 0,
    matched: 0,
    mismatched: 0,
    failed: 0,
    matchRate: null,
    fields: [],
    samples: [],
  });
  t.match(await diffs(admin, 'orders.get'), { compared: 40 }, "another route's evidence stays");

  const [entry] = await admin.store.audit({ routeId: 'reviews.list', limit: 1 });
  t.same(entry, {
    at: '2026-03-01T12:00:02.000Z',
    routeId: 'reviews.list',
    actor: 'reviews',
    from: { stage: 'shadow', percent: 0, shadowPercent: 100, version: 1 },
    to: null,
    reason: 'v2 fixes the rating rounding',
    result: 'ok',
    detail: 'cleared 40 compared, 37 matched, 3 mismatched, 1 failed',
    action: 'reset-evidence',
  });
  t.match(await admin.store.get('reviews.list'), { version: 1, stage: 'shadow' }, 'the flag is untouched');
});

t.test('an admin clears any route, also one that never had a flag', async (t) => {
  const admin = await startWithEvidence(t);
  const res = await admin.request('DELETE', '/routes/orders.get/diffs', { body: { reason: 'new build' } });
  t.equal(res.status, 200);
  t.same(await res.json(), { routeId: 'orders.get', cleared: CLEARED });
  const [entry] = await admin.store.audit({ limit: 1 });
  t.match(entry, { actor: 'platform (admin)', from: null, to: null, result: 'ok', action: 'reset-evidence' });
  const again = await admin.request('DELETE', '/routes/orders.get/diffs', { body: { reason: 'twice' } });
  t.same(await again.json(), {
    routeId: 'orders.get',
    cleared: { compared: 0, matched: 0, mismatched: 0, failed: 0 },
  });
});

t.test('refused resets keep the evidence, answer the usual error and are audited', async (t) => {
  const admin = await startWithEvidence(t);
  // [what, token, route, body, status, code, audited result, audited reason]
  const cases: Array<[string, string | null, string, unknown, number, string, string, string]> = [
    ['no token', null, 'reviews.list', { reason: 'x' }, 401, 'UNAUTHENTICATED', 'unauthenticated', ''],
    [
      'unknown token',
      'guess',
      'reviews.list',
      { reason: 'x' },
      401,
      'UNAUTHENTICATED',
      'unauthenticated',
      '',
    ],
    [
      'other team',
      TOKENS.orders,
      'reviews.list',
      { reason: 'mine now' },
      403,
      'FORBIDDEN',
      'forbidden',
      'mine now',
    ],
    ['tester', TOKENS.tester, 'reviews.list', { reason: 'x' }, 403, 'FORBIDDEN', 'forbidden', 'x'],
    ['other team, no reason', TOKENS.orders, 'reviews.list', {}, 403, 'FORBIDDEN', 'forbidden', ''],
    ['unknown route', TOKENS.admin, 'nope', { reason: 'x' }, 404, 'NOT_FOUND', 'invalid', 'x'],
    ['missing reason', TOKENS.reviews, 'reviews.list', {}, 400, 'INVALID_REQUEST', 'invalid', ''],
    ['empty reason', TOKENS.reviews, 'reviews.list', { reason: '' }, 400, 'INVALID_REQUEST', 'invalid', ''],
    [
      'blank reason',
      TOKENS.reviews,
      'reviews.list',
      { reason: '  ' },
      400,
      'INVALID_REQUEST',
      'invalid',
      '  ',
    ],
    [
      'reason not a string',
      TOKENS.admin,
      'reviews.list',
      { reason: 5 },
      400,
      'INVALID_REQUEST',
      'invalid',
      '',
    ],
    [
      'unknown field',
      TOKENS.admin,
      'reviews.list',
      { reason: 'x', all: true },
      400,
      'INVALID_REQUEST',
      'invalid',
      'x',
    ],
    ['no body', TOKENS.admin, 'reviews.list', undefined, 400, 'INVALID_REQUEST', 'invalid', ''],
  ];
  for (const [what, token, routeId, body, status, code, result, reason] of cases) {
    const res = await admin.request('DELETE', `/routes/${routeId}/diffs`, { token, body });
    t.equal(res.status, status, `${what}: status`);
    t.match(await res.json(), { error: { code: `FICUS_PROXY_ADMIN_${code}`, message: /./ } }, what);
    const [entry] = await admin.store.audit({ routeId, limit: 1 });
    t.match(entry, { action: 'reset-evidence', result, reason, to: null }, `${what}: audited`);
    t.match(await diffs(admin, 'reviews.list'), { compared: 40 }, `${what}: evidence kept`);
  }
  const messages = await Promise.all(
    [
      [TOKENS.orders, { reason: 'x' }],
      [TOKENS.reviews, { reason: ' ' }],
      [TOKENS.reviews, { reason: 'x', all: true }],
    ].map(async ([token, body]) => {
      const res = await admin.request('DELETE', '/routes/reviews.list/diffs', {
        token: token as string,
        body,
      });
      return ((await res.json()) as { error: { message: string } }).error.message;
    }),
  );
  t.match(messages, [
    /orders may not change route reviews\.list \(owned by team reviews\)/,
    /^reason: must not be empty$/,
    /^all: is not a known field$/,
  ]);

  const broken = await fetch(`${admin.url}/routes/reviews.list/diffs`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/json' },
    body: '{"reason":',
  });
  t.equal(broken.status, 400, 'malformed JSON');
  t.match(await admin.store.audit({ limit: 1 }), [{ action: 'reset-evidence', result: 'invalid' }]);
  t.notOk(
    (await admin.store.audit()).some((e) => e.result === 'ok'),
    'no refused request cleared anything',
  );
});

t.test('a data plane that cannot reset evidence offers no reset endpoint', async (t) => {
  const runtime = new FakeRuntime();
  delete runtime.resetEvidence;
  const admin = await startWithEvidence(t, runtime);
  const res = await admin.request('DELETE', '/routes/reviews.list/diffs', { body: { reason: 'x' } });
  t.equal(res.status, 404);
  t.match(await res.json(), { error: { code: 'FICUS_PROXY_ADMIN_NOT_FOUND' } });
  t.match(await diffs(admin, 'reviews.list'), { compared: 40 });
  t.same(await admin.store.audit(), [], 'nothing happened, so nothing is audited');
});

t.test(
  'through a running proxy, a reset lets the gate judge a fixed service on new evidence only',
  async (t) => {
    let servedBy = 'old service';
    const service: UpstreamHandler = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ servedBy, url: req.url }));
    };
    const monolith: UpstreamHandler = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ servedBy: 'fixed', url: req.url }));
    };
    const { proxy } = await startShadowSetup(
      t,
      { monolith, service },
      { gate: { minCompared: 3, minMatchPercent: 99 }, shadow: { noisePercent: 0 } },
    );
    const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(`${proxy.adminUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
    for (let i = 0; i < 3; i++) await get(`${proxy.url}/r/${i}`);
    await evidenceAfter(proxy, (s) => s.compared === 3);

    servedBy = 'fixed';
    const reset = await admin('DELETE', '/routes/r/diffs', { reason: 'deployed the fix' });
    t.equal(reset.status, 200);
    t.same(await reset.json(), {
      routeId: 'r',
      cleared: { compared: 3, matched: 0, mismatched: 3, failed: 0 },
    });
    t.match(await (await admin('GET', '/routes/r/diffs')).json(), {
      compared: 0,
      samples: [],
      gate: { passed: false, missing: [/compared requests: 0 of the 3 required/] },
    });
    t.match(
      proxy.logs.find((record) => record.msg === LOG_EVENTS.evidenceReset),
      {
        level: 30,
        routeId: 'r',
        actor: 'platform (admin)',
        reason: 'deployed the fix',
        cleared: { compared: 3, mismatched: 3 },
      },
    );

    for (let i = 3; i < 6; i++) await get(`${proxy.url}/r/${i}`);
    const fresh = await evidenceAfter(proxy, (s) => s.compared === 3);
    t.match(
      fresh,
      { compared: 3, matched: 3, mismatched: 0, matchRate: 1 },
      'collected again after the reset',
    );
    const version = String((await proxy.store.get('r'))?.version);
    const promote = await admin(
      'PUT',
      '/routes/r/flag',
      { stage: 'canary', percent: 10, reason: 'v2' },
      {
        'if-match': version,
      },
    );
    t.equal(promote.status, 200, 'the gate opens on the new evidence alone');
  },
);
