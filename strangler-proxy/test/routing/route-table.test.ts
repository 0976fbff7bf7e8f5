// Most specific template wins, method lists are honoured, unmatched goes to the default route, flags swap cheaply.
import t from 'tap';
import type { RouteConfig } from '../../src/config/ficus-config.js';
import type { RouteFlag } from '../../src/flags/route-flag.js';
import { buildRouteTable } from '../../src/routing/route-table.js';

function route(id: string, path: string, methods: string[] = []): RouteConfig {
  return {
    id,
    path,
    methods,
    service: 's',
    owner: 'o',
    fallback: false,
    timeoutMs: 1000,
    bodyLimitBytes: 1000,
    stickyBy: 'ip',
    shadow: {
      ignore: [],
      unorderedArrays: [],
      headers: ['content-type'],
      unsafeMethods: false,
      timeoutMs: 1000,
      noisePercent: 10,
      maxNoisePerSecond: 10,
    },
    gate: { minMatchPercent: 99, minCompared: 500 },
    guard: {
      enabled: true,
      windowMs: 60_000,
      minRequests: 20,
      maxErrorPercent: 5,
      slowMs: 0,
      maxSlowPercent: 1,
      onBreach: 'rollback',
      stepDownFactor: 2,
      minPercent: 1,
    },
  };
}

const routes = [
  route('static', '/api/products/featured', ['GET']),
  route('param', '/api/products/:id', ['GET']),
  route('param-write', '/api/products/:id', ['PUT', 'DELETE']),
  route('reviews', '/api/products/:id/reviews'),
  route('wild', '/static/*'),
  route('wild-deeper', '/static/img/*'),
  route('any-static', '/api/products/special'),
  route('get-wild', '/static/img/logo/*', ['GET']),
];
const table = buildRouteTable(routes, new Map());

const cases: [string, string, string | null][] = [
  ['GET', '/api/products/featured', 'static'],
  ['GET', '/api/products/42', 'param'],
  ['HEAD', '/api/products/42', 'param'],
  ['PUT', '/api/products/42', 'param-write'],
  ['POST', '/api/products/42', null],
  ['PATCH', '/api/products/42/reviews', 'reviews'],
  ['GET', '/static/css/a.css', 'wild'],
  ['GET', '/static/img/a.png', 'wild-deeper'],
  ['GET', '/Api/products/42', null],
  ['GET', '/api/products/42/', null],
  ['GET', '/api/products/a;b', 'param'],
  ['GET', `/api/products/${'x'.repeat(500)}`, 'param'],
  ['GET', '/nothing/here', null],
  ['GET', '/api/products/special', 'any-static'],
  ['DELETE', '/api/products/special', 'any-static'],
  ['GET', '/static/img/logo/x.png', 'get-wild'],
  ['POST', '/static/img/logo/x.png', 'wild-deeper'],
];

for (const [method, path, id] of cases) {
  t.test(`${method} ${path.slice(0, 40)} → ${id ?? 'default route'}`, async (t) => {
    t.equal(table.match(method, path)?.id ?? null, id);
  });
}

t.test('withFlags returns a new table with the same routes and leaves the old one untouched', async (t) => {
  const flag: RouteFlag = {
    routeId: 'param',
    stage: 'service',
    percent: 0,
    shadowPercent: 0,
    stickyBy: 'ip',
    version: 1,
    updatedAt: new Date(0).toISOString(),
    updatedBy: 't',
    reason: 'r',
  };
  const next = table.withFlags(new Map([['param', flag]]));
  t.equal(next.flagFor('param')?.stage, 'service');
  t.equal(table.flagFor('param'), null);
  t.equal(next.match('GET', '/api/products/1')?.id, 'param');
  t.ok(Object.isFrozen(next));
});

t.test('matching 10,000 routes finds the last one', async (t) => {
  const many = Array.from({ length: 10_000 }, (_, i) =>
    route(`r${i}`, `/svc${i}/items/:id`, i % 2 ? ['GET'] : []),
  );
  const big = buildRouteTable(many, new Map());
  t.equal(big.match('GET', '/svc9999/items/7')?.id, 'r9999');
  t.equal(big.match('PATCH', '/svc9998/items/7')?.id, 'r9998');
  t.equal(big.match('PATCH', '/svc9999/items/7'), null);
  t.equal(big.match('GET', '/svc10000/items/7'), null);
});
