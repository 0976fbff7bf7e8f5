// `ficus status` against a real proxy in front of two real upstreams: stages per service, traffic share, timeline.
import { createServer, type Server } from 'node:http';
import { PassThrough } from 'node:stream';
import t from 'tap';
import type { Test } from 'tap';
import { hashToken, MemoryFlagStore, parseConfig, startProxy } from '@ficus/strangler-proxy';
import { statusCommand } from '../../src/commands/status.js';
import { summarizeProgress } from '../../src/commands/status-progress.js';

const TOKEN = 'platform-secret';

async function upstream(t: Test, name: string): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ served: name }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await statusCommand.run(argv, { stdout, stderr, env, cwd: process.cwd() });
  return { code, stdout: out, stderr: err };
}

t.test(
  'status counts routes per stage and the traffic the services answered, with the moves over time',
  async (t) => {
    const [monolith, reviews, catalog] = await Promise.all([
      upstream(t, 'monolith'),
      upstream(t, 'reviews'),
      upstream(t, 'catalog'),
    ]);
    const config = parseConfig({
      proxy: { listen: { host: '127.0.0.1', port: 0 }, admin: { host: '127.0.0.1', port: 0 } },
      monolith: { url: monolith },
      services: { reviews: { url: reviews, team: 'reviews' }, catalog: { url: catalog, team: 'catalog' } },
      routes: [
        {
          id: 'reviews.list',
          path: '/api/products/:id/reviews',
          methods: ['GET'],
          service: 'reviews',
          owner: 'reviews',
        },
        {
          id: 'reviews.get',
          path: '/api/reviews/:id',
          methods: ['GET'],
          service: 'reviews',
          owner: 'reviews',
        },
        { id: 'catalog.list', path: '/api/products', methods: ['GET'], service: 'catalog', owner: 'catalog' },
      ],
      flags: { store: { kind: 'memory' } },
      auth: { tokens: [{ team: 'platform', role: 'admin', sha256: hashToken(TOKEN) }] },
    });
    const store = new MemoryFlagStore();
    const proxy = await startProxy(config, { store, logDestination: '/dev/null' });
    t.teardown(async () => {
      await proxy.close();
      await store.close();
    });
    t.ok((await store.set('reviews.list', { stage: 'service', reason: 'moved' }, 0, 'reviews')).ok);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the store pushes the change to the data plane
    for (let i = 0; i < 30; i += 1) await (await fetch(`${proxy.url}/api/products/${i}/reviews`)).text();
    for (let i = 0; i < 10; i += 1) await (await fetch(`${proxy.url}/api/products`)).text();

    const result = await run(['--admin', proxy.adminUrl, '--json'], { FICUS_TOKEN: TOKEN });
    t.equal(result.code, 0, result.stderr);
    const progress = JSON.parse(result.stdout);
    const reviewsRow = progress.services.find((s: { name: string }) => s.name === 'reviews');
    t.same(reviewsRow.stages, { monolith: 1, shadow: 0, canary: 0, service: 1 });
    t.equal(reviewsRow.requests, 30);
    t.equal(reviewsRow.serviceShare, 1, 'every reviews request was answered by the service');
    t.equal(progress.overall.requests, 40);
    t.equal(progress.overall.serviceShare, 0.75);
    t.same(
      progress.timeline.map((s: { routeId: string; to: string; routesOnService: number }) => [
        s.routeId,
        s.to,
        s.routesOnService,
      ]),
      [['reviews.list', 'service', 1]],
    );

    const refused = await run(['--admin', proxy.adminUrl], { FICUS_TOKEN: 'wrong' });
    t.equal(refused.code, 1);
    t.match(refused.stderr, /^FICUS_PROXY_ADMIN_UNAUTHENTICATED: /);

    const table = await run(['--admin', proxy.adminUrl], { FICUS_TOKEN: TOKEN });
    t.equal(table.code, 0);
    t.match(table.stdout, /^reviews\s+2\s+1\s+0\s+0\s+1\s+100\.0 % of 30 req$/m);
    t.match(table.stdout, /^overall\s+3\s+2\s+0\s+0\s+1\s+75\.0 % of 40 req$/m);
    t.match(table.stdout, /reviews\.list {2}monolith → service {2}by reviews {2}\(routes on service: 1\)/);
  },
);

t.test('status without a token is a usage error', async (t) => {
  await t.rejects(run([], {}), { code: 'FICUS_CLI_USAGE' });
});

t.test('with the route inventory, progress counts the routes not yet in the proxy', async (t) => {
  const view = (id: string, service: string, stage: 'monolith' | 'service') =>
    ({ id, service, stage, stats: null }) as unknown as Parameters<typeof summarizeProgress>[0][number];
  const progress = summarizeProgress(
    [view('a', 'reviews', 'service'), view('b', 'reviews', 'monolith'), view('c', 'catalog', 'service')],
    [],
    { routes: 40 },
  );
  t.same(progress.inventory, { routes: 40, inProxy: 3, onService: 2, movedShare: 0.05 });
  t.equal(progress.overall.serviceShare, null, 'no traffic, no share');
});
