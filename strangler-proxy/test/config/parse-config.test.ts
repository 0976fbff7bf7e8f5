// Valid configs normalise to the documented defaults; invalid ones report every problem with its path.
import t from 'tap';
import { ConfigInvalidError } from '../../src/config/config-error.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { parseConfigText } from '../../src/config/load-config.js';

const DIGEST = 'a'.repeat(64);
const minimal = () => ({
  monolith: { url: 'http://127.0.0.1:3000' },
  services: { reviews: { url: 'http://127.0.0.1:4001', team: 'reviews' } },
  routes: [
    {
      id: 'reviews.list',
      path: '/api/products/:productId/reviews',
      methods: ['get'],
      service: 'reviews',
      owner: 'reviews',
    },
  ],
});

t.test('a minimal config gets the documented defaults and is frozen', async (t) => {
  const config = parseConfig(minimal(), { baseDir: '/srv/app' });
  t.same(config.proxy.listen, { host: '127.0.0.1', port: 8080 });
  t.same(config.proxy.admin, { host: '127.0.0.1', port: 9901 });
  t.equal(config.proxy.mergeSlashes, true);
  t.equal(config.proxy.retryBudgetPercent, 20);
  t.same(config.flags.store, { kind: 'file', path: '/srv/app/.ficus/flags.json' });
  const route = config.routes[0]!;
  t.same(route.methods, ['GET']);
  t.equal(route.fallback, true, 'GET-only routes fall back by default');
  t.equal(route.bodyLimitBytes, 1024 * 1024);
  t.equal(route.timeoutMs, 15_000);
  t.equal(route.stickyBy, 'ip');
  t.same(route.shadow, {
    ignore: [],
    unorderedArrays: [],
    headers: ['content-type'],
    unsafeMethods: false,
    timeoutMs: 15_000,
    noisePercent: 10,
    maxNoisePerSecond: 10,
  });
  t.same(route.gate, { minMatchPercent: 99, minCompared: 500 });
  t.equal(route.guard.onBreach, 'rollback');
  t.same(config.proxy.shadow, {
    maxInFlight: 64,
    maxBodyBytes: 262_144,
    samples: 20,
    workerNice: 10,
    maxLoopUtilization: 0.8,
  });
  t.equal(config.services.get('reviews')?.url, 'http://127.0.0.1:4001');
  t.ok(Object.isFrozen(config.routes[0]));
  t.throws(() => (config.services as Map<string, unknown>).set('x', {}));
  t.throws(() => {
    (config.proxy as { mergeSlashes: boolean }).mergeSlashes = false;
  });
});

t.test('gate and guard defaults come from proxy, and a route overrides single fields', async (t) => {
  const raw = minimal() as Record<string, unknown> & ReturnType<typeof minimal>;
  raw.proxy = { gate: { minCompared: 100 }, guard: { maxErrorPercent: 2 }, shadow: { maxInFlight: 8 } };
  (raw.routes[0] as Record<string, unknown>).gate = { minMatchPercent: 95 };
  (raw.routes[0] as Record<string, unknown>).shadow = { headers: ['Content-Type', 'ETag'], timeoutMs: 300 };
  const config = parseConfig(raw);
  const route = config.routes[0]!;
  t.same(route.gate, { minMatchPercent: 95, minCompared: 100 });
  t.equal(route.guard.maxErrorPercent, 2);
  t.equal(route.guard.minRequests, 20);
  t.same(route.shadow.headers, ['content-type', 'etag']);
  t.equal(route.shadow.timeoutMs, 300);
  t.equal(config.proxy.shadow.maxInFlight, 8);
});

t.test('fallback defaults to false when a route accepts a non-GET/HEAD method or every method', async (t) => {
  const raw = minimal();
  raw.routes.push({
    id: 'reviews.add',
    path: '/api/reviews',
    methods: ['POST'],
    service: 'reviews',
    owner: 'reviews',
  });
  raw.routes.push({ id: 'reviews.any', path: '/api/any', methods: [], service: 'reviews', owner: 'reviews' });
  const config = parseConfig(raw);
  t.equal(config.routes[1]!.fallback, false);
  t.equal(config.routes[2]!.fallback, false);
});

const invalid: [string, (raw: Record<string, unknown> & ReturnType<typeof minimal>) => void, string[]][] = [
  [
    'a malformed shadow ignore path',
    (r) =>
      ((r.routes[0] as Record<string, unknown>).shadow = {
        ignore: ['body.items[x'],
        unorderedArrays: ['.a'],
      }),
    [
      'routes[0].shadow.ignore[0]: "body.items[x" is not a comparison path',
      'routes[0].shadow.unorderedArrays[0]: ".a" is not a comparison path',
    ],
  ],
  [
    'an unknown guard action and a gate above 100 %',
    (r) => {
      (r.routes[0] as Record<string, unknown>).guard = { onBreach: 'panic' };
      (r.routes[0] as Record<string, unknown>).gate = { minMatchPercent: 101 };
    },
    ['routes[0].guard.onBreach', 'routes[0].gate.minMatchPercent'],
  ],
  [
    'a path not starting with /',
    (r) => (r.routes[0]!.path = 'api/x'),
    ['routes[0].path: must start with "/"'],
  ],
  [
    'a missing service field',
    (r) => delete (r.routes[0] as Partial<(typeof r.routes)[0]>).service,
    ['routes[0].service: is required'],
  ],
  [
    'an unknown field',
    (r) => ((r.routes[0] as Record<string, unknown>).colour = 'red'),
    ['routes[0].colour: is not a known field'],
  ],
  ['a missing monolith', (r) => delete (r as Partial<typeof r>).monolith, ['monolith: is required']],
  [
    'an unknown service',
    (r) => (r.routes[0]!.service = 'ratings'),
    ['routes[0].service: "ratings" is not defined in services'],
  ],
  [
    'a duplicate route id',
    (r) => r.routes.push({ ...r.routes[0]!, path: '/other' }),
    ['routes[1].id: duplicates routes[0].id "reviews.list"'],
  ],
  [
    'the same template and method twice, whatever the param names',
    (r) =>
      r.routes.push({
        ...r.routes[0]!,
        id: 'b',
        path: '/api/products/:id/reviews',
        methods: ['GET', 'POST'],
      }),
    ['routes[1].path: "/api/products/:id/reviews" with these methods is already claimed by routes[0]'],
  ],
  [
    'an unknown method',
    (r) => (r.routes[0]!.methods = ['GET', 'FETCH']),
    ['routes[0].methods[1]: "FETCH" is not an HTTP method'],
  ],
  ['an unknown owner team', (r) => (r.routes[0]!.owner = 'nobody'), ['routes[0].owner: team "nobody"']],
  [
    'a short sha256',
    (r) => (r.auth = { tokens: [{ team: 'reviews', sha256: 'abc' }] }),
    ['auth.tokens[0].sha256: must be 64'],
  ],
  [
    'a bad role',
    (r) => (r.auth = { tokens: [{ team: 'reviews', role: 'boss', sha256: DIGEST }] }),
    ['auth.tokens[0].role: must be one of'],
  ],
  ['an unparsable URL', (r) => (r.monolith.url = 'not a url'), ['monolith.url: "not a url" is not a URL']],
  [
    'an upstream URL with a path',
    (r) => (r.services.reviews.url = 'http://h:1/base'),
    ['services.reviews.url: must be an origin only'],
  ],
  [
    'a bad store kind',
    (r) => (r.flags = { store: { kind: 'etcd' } }),
    ['flags.store.kind: must be one of memory, file, redis'],
  ],
  [
    'a file store without a path',
    (r) => (r.flags = { store: { kind: 'file' } }),
    ['flags.store.path: is required'],
  ],
  [
    'a bad trusted proxy',
    (r) => (r.proxy = { trustedProxies: ['10.0.0.0/99'] }),
    ['proxy.trustedProxies[0]: "10.0.0.0/99"'],
  ],
  [
    'a bad stickyBy',
    (r) => ((r.routes[0] as Record<string, unknown>).stickyBy = 'session'),
    ['routes[0].stickyBy: must be "ip"'],
  ],
  [
    'the admin on the traffic port',
    (r) => (r.proxy = { listen: { host: '127.0.0.1', port: 80 }, admin: { host: '127.0.0.1', port: 80 } }),
    ['proxy.admin.port: must differ'],
  ],
  [
    'several problems at once',
    (r) => {
      r.routes[0]!.path = 'x';
      (r.routes[0] as Record<string, unknown>).timeoutMs = -1;
      r.routes.push({ id: '!', path: '/y', methods: [], service: 'reviews', owner: 'reviews' });
    },
    [
      'routes[0].path: must start with "/"',
      'routes[0].timeoutMs: must be >= 1',
      'routes[1].id: must be 1–128',
    ],
  ],
];

for (const [name, mutate, expected] of invalid) {
  t.test(`rejects ${name}`, async (t) => {
    const raw = minimal() as Record<string, unknown> & ReturnType<typeof minimal>;
    mutate(raw);
    try {
      parseConfig(raw);
      t.fail('expected FICUS_PROXY_CONFIG_INVALID');
    } catch (error) {
      t.ok(error instanceof ConfigInvalidError);
      const e = error as ConfigInvalidError;
      t.equal(e.code, 'FICUS_PROXY_CONFIG_INVALID');
      t.equal(e.problems.length, expected.length, e.problems.join(' | '));
      for (const prefix of expected)
        t.ok(
          e.problems.some((p) => p.startsWith(prefix)),
          `has ${prefix}`,
        );
    }
  });
}

t.test('YAML syntax errors are FICUS_PROXY_CONFIG_UNREADABLE', async (t) => {
  t.throws(() => parseConfigText('routes: [', 'x.yaml', '/'), { code: 'FICUS_PROXY_CONFIG_UNREADABLE' });
});

t.test('the DESIGN.md example parses', async (t) => {
  const text = `
proxy:   { listen: { host: 127.0.0.1, port: 8080 }, admin: { host: 127.0.0.1, port: 9901 } }
monolith: { url: http://127.0.0.1:3000 }
services:
  reviews: { url: http://127.0.0.1:4001, team: reviews, health: /healthz }
routes:
  - id: reviews.list
    path: /api/products/:productId/reviews
    methods: [GET]
    service: reviews
    owner: reviews
    fallback: true
    timeoutMs: 2000
    shadow: { ignore: ["body.generatedAt", "headers.date"] }
flags: { store: { kind: file, path: .ficus/flags.json } }
auth:  { tokens: [ { team: reviews, sha256: "${DIGEST}" }, { team: platform, role: admin, sha256: "${'b'.repeat(64)}" } ] }
`;
  const config = parseConfigText(text, 'ficus.config.yaml', '/srv');
  t.equal(config.routes[0]!.timeoutMs, 2000);
  t.equal(config.auth.tokens[0]!.role, 'team');
  t.equal(config.auth.tokens[1]!.role, 'admin');
});
