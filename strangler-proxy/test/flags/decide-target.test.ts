// Stage decisions, the sticky canary's share and monotonicity, keys from headers, cookies and addresses.
import t from 'tap';
import type { RouteConfig } from '../../src/config/ficus-config.js';
import { decideTarget } from '../../src/flags/decide-target.js';
import type { RouteFlag, Stage } from '../../src/flags/route-flag.js';
import { bucketOf, inCanary } from '../../src/flags/sticky-bucket.js';
import { stickyKey } from '../../src/flags/sticky-key.js';

const route = { id: 'reviews.list', stickyBy: 'ip' } as RouteConfig;
const flag = (stage: Stage, percent = 0): RouteFlag => ({
  routeId: route.id,
  stage,
  percent,
  shadowPercent: 0,
  stickyBy: 'ip',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 'test',
  reason: 'test',
});
const plain = { key: 'user-1', override: null };

t.test('each stage decides its target', async (t) => {
  t.same(decideTarget(null, null, plain), { target: 'monolith', stage: 'monolith', reason: 'default-route' });
  t.same(decideTarget(route, null, plain), { target: 'monolith', stage: 'monolith', reason: 'no-flag' });
  t.equal(decideTarget(route, flag('monolith'), plain).target, 'monolith');
  t.same(decideTarget(route, flag('shadow'), plain), {
    target: 'monolith',
    stage: 'shadow',
    reason: 'shadow-serves-monolith',
  });
  t.equal(decideTarget(route, flag('service'), plain).target, 'service');
  t.equal(decideTarget(route, flag('canary', 100), plain).target, 'service');
  t.equal(decideTarget(route, flag('canary', 0), plain).target, 'monolith');
});

t.test('a canary request without a key stays on the monolith', async (t) => {
  t.same(decideTarget(route, flag('canary', 99.99), { key: null, override: null }), {
    target: 'monolith',
    stage: 'canary',
    reason: 'canary-no-key',
  });
});

t.test('a tester override wins over the stage, but not on the default route', async (t) => {
  t.equal(decideTarget(route, flag('monolith'), { key: null, override: 'service' }).target, 'service');
  t.equal(
    decideTarget(route, flag('service'), { key: null, override: 'monolith' }).reason,
    'tester-override',
  );
  t.equal(decideTarget(null, null, { key: null, override: 'service' }).target, 'monolith');
});

const keys = Array.from({ length: 100_000 }, (_, i) => `user-${i}`);

for (const percent of [0.5, 1, 5, 25, 50, 73.21, 99]) {
  t.test(`over 100,000 keys the service share is within 1 % of ${percent} %`, async (t) => {
    let on = 0;
    for (const key of keys) if (inCanary(route.id, key, percent)) on++;
    const share = (on / keys.length) * 100;
    t.ok(Math.abs(share - percent) <= 1, `share ${share.toFixed(3)} %`);
  });
}

t.test('raising the percentage never moves a key back to the monolith', async (t) => {
  const steps = [0.01, 1, 10, 10.5, 33, 50, 90, 100];
  let moved = 0;
  for (const key of keys.slice(0, 20_000)) {
    let wasIn = false;
    for (const p of steps) {
      const isIn = inCanary(route.id, key, p);
      if (wasIn && !isIn) moved++;
      wasIn = isIn;
    }
  }
  t.equal(moved, 0);
});

t.test('buckets are stable and depend on the route id', async (t) => {
  t.equal(bucketOf('a', 'k'), bucketOf('a', 'k'));
  // Pinned: a change to the hash would move every canary user to another bucket on upgrade.
  t.equal(bucketOf('a', 'k'), 6175);
  t.equal(bucketOf('reviews.list', 'user-42'), 6668);
  let differs = 0;
  for (const key of keys.slice(0, 100)) if (bucketOf('a', key) !== bucketOf('b', key)) differs++;
  t.ok(differs > 90, 'two routes bucket the same keys independently');
});

t.test('the sticky key comes from a header, a cookie or the client address', async (t) => {
  const headers = { 'x-user': 'u1', cookie: 'a=1; sid=abc; b=2' };
  t.equal(stickyKey('header:X-User', headers, '10.0.0.1'), 'u1');
  t.equal(stickyKey('cookie:sid', headers, '10.0.0.1'), 'abc');
  t.equal(stickyKey('cookie:none', headers, '10.0.0.1'), null);
  t.equal(stickyKey('header:x-none', headers, '10.0.0.1'), null);
  t.equal(stickyKey('ip', headers, '10.0.0.1'), '10.0.0.1');
});
