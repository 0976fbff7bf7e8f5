// The guard end to end: a failing canary service is moved back by the proxy itself, audited as ficus-guard.
import t from 'tap';
import { echo } from '../proxy-harness.js';
import { get, startShadowSetup, until, writeFlag } from '../shadow/shadow-fixture.js';

const failing = (_req: unknown, res: { writeHead(s: number): { end(b: string): void } }): void =>
  res.writeHead(500).end('broken');

t.test(
  'a service that starts failing at canary 50 % is rolled back within the window, with an audit entry',
  async (t) => {
    const now = 1_000;
    const { proxy, service } = await startShadowSetup(
      t,
      { monolith: echo('monolith'), service: failing },
      { stickyBy: 'header:x-user', guard: { minRequests: 5, maxErrorPercent: 10, windowMs: 60_000 } },
      // Every failure is re-served, so what the client sees depends on the guard alone.
      { fallbackBudgetPercent: 100 },
      { now: () => now },
    );
    await writeFlag(proxy, { stage: 'canary', percent: 50, stickyBy: 'header:x-user' });
    for (let i = 0; i < 40 && proxy.table().flagFor('r')?.stage === 'canary'; i++) {
      const response = await get(`${proxy.url}/r/${i}`, { 'x-user': `user-${i}` });
      t.equal(response.status, 200, 'the client is re-served by the monolith meanwhile');
    }
    await until(() => proxy.table().flagFor('r')?.stage === 'monolith', 'the rollback');
    t.equal(service.received.length, 5, 'rolled back at the fifth failure: the minimum the window needs');
    const flag = (await proxy.store.get('r'))!;
    t.match(flag, { stage: 'monolith', updatedBy: 'ficus-guard' });
    t.match(
      flag.reason,
      /canary → monolith: service failures 100\.0 % > 10 % \(5 of 5 requests; 5 fallbacks/,
    );
    const [audit] = await proxy.store.audit({ routeId: 'r', limit: 1 });
    t.match(audit, {
      actor: 'ficus-guard',
      result: 'ok',
      from: { stage: 'canary', percent: 50 },
      to: { stage: 'monolith' },
    });
    t.match(
      await proxy.runtime.metricsText(),
      /ficus_proxy_guard_actions_total\{route="r",action="rollback"\} 1/,
    );
    t.ok(proxy.logs.some((l) => l.msg === 'guard moved the route back' && l.routeId === 'r'));
  },
);

t.test('configured to step down, the guard halves the canary first', async (t) => {
  const { proxy } = await startShadowSetup(
    t,
    { monolith: echo('monolith'), service: failing },
    {
      stickyBy: 'header:x-user',
      guard: { minRequests: 3, maxErrorPercent: 10, onBreach: 'step-down', stepDownFactor: 2 },
    },
    {},
    { now: () => 0 },
  );
  await writeFlag(proxy, { stage: 'canary', percent: 80, stickyBy: 'header:x-user' });
  for (let i = 0; i < 40 && proxy.table().flagFor('r')?.percent === 80; i++) {
    await get(`${proxy.url}/r/${i}`, { 'x-user': `user-${i}` });
  }
  await until(() => proxy.table().flagFor('r')?.percent === 40, 'the step down');
  t.match(await proxy.store.get('r'), { stage: 'canary', percent: 40, updatedBy: 'ficus-guard' });
});

t.test('a healthy canary is left alone', async (t) => {
  const { proxy, service } = await startShadowSetup(
    t,
    { monolith: echo('monolith'), service: echo('svc') },
    { stickyBy: 'header:x-user', guard: { minRequests: 3 } },
    {},
    { now: () => 0 },
  );
  await writeFlag(proxy, { stage: 'canary', percent: 50, stickyBy: 'header:x-user' });
  for (let i = 0; i < 20; i++) await get(`${proxy.url}/r/${i}`, { 'x-user': `user-${i}` });
  t.ok(service.received.length >= 3, 'the canary sent the guard enough service requests to judge');
  t.match(await proxy.store.get('r'), { stage: 'canary', percent: 50, updatedBy: 'test' });
});
