// `ficus flags` against a real admin app on port 0: tables, --json, compare-and-set and error mapping.
import { createServer } from 'node:net';
import t from 'tap';
import { ADMIN, REVIEWS, ficusFlags, startAdmin } from './flags-fixture.js';

/** A loopback port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

t.test('set reads the current version, sends it, and reports the change', async (t) => {
  const { url, store } = await startAdmin(t);
  const env = { FICUS_TOKEN: REVIEWS };
  const first = await ficusFlags(
    ['set', 'reviews.list', 'canary', '--percent', '5', '--reason', 'first slice', '--admin', url],
    env,
  );
  t.same(first, { code: 0, stdout: 'reviews.list: monolith (no flag) → canary 5%\n', stderr: '' });
  const second = await ficusFlags(
    ['set', 'reviews.list', 'canary', '--percent', '12.5', '--reason', 'more', '--admin', url],
    env,
  );
  t.equal(second.stdout, 'reviews.list: canary 5% → canary 12.5%\n');
  t.match(await store.get('reviews.list'), {
    stage: 'canary',
    percent: 12.5,
    version: 2,
    updatedBy: 'reviews',
    reason: 'more',
  });
});

t.test('set with a stale --if-match exits 1 with the conflict and the current flag', async (t) => {
  const { url, store } = await startAdmin(t);
  await store.set('reviews.list', { stage: 'canary', percent: 10, reason: 'r' }, 0, 'reviews');
  const result = await ficusFlags(
    ['set', 'reviews.list', 'service', '--reason', 'go', '--if-match', '0', '--admin', url],
    { FICUS_TOKEN: ADMIN },
  );
  t.equal(result.code, 1);
  t.equal(
    result.stderr,
    'FICUS_PROXY_ADMIN_CONFLICT: route reviews.list is at version 1, If-Match said 0\ncurrent: canary 10%\n',
  );
  t.equal((await store.get('reviews.list'))?.stage, 'canary');
});

t.test('admin refusals print the API code; bad input is a usage error', async (t) => {
  const { url } = await startAdmin(t);
  const cases: Array<[string, string[], Record<string, string>, number, RegExp]> = [
    [
      'foreign route',
      ['set', 'orders.get', 'service', '--reason', 'x'],
      { FICUS_TOKEN: REVIEWS },
      1,
      /^FICUS_PROXY_ADMIN_FORBIDDEN: reviews may not change route orders.get/,
    ],
    ['wrong token', ['list'], { FICUS_TOKEN: 'nope' }, 1, /^FICUS_PROXY_ADMIN_UNAUTHENTICATED: /],
    ['no token', ['list'], {}, 2, /^FICUS_CLI_USAGE: set FICUS_TOKEN/],
    ['unknown route', ['show', 'nope'], { FICUS_TOKEN: ADMIN }, 2, /^FICUS_PROXY_ADMIN_NOT_FOUND: /],
    [
      'percent out of range',
      ['set', 'reviews.list', 'canary', '--percent', '150', '--reason', 'x'],
      { FICUS_TOKEN: ADMIN },
      2,
      /^FICUS_PROXY_ADMIN_INVALID_REQUEST: percent/,
    ],
    [
      'percent not a number',
      ['set', 'reviews.list', 'canary', '--percent', 'lots', '--reason', 'x'],
      { FICUS_TOKEN: ADMIN },
      2,
      /^FICUS_CLI_USAGE: --percent must be a number/,
    ],
    [
      'unknown stage',
      ['set', 'reviews.list', 'live', '--reason', 'x'],
      { FICUS_TOKEN: ADMIN },
      2,
      /^FICUS_CLI_USAGE: STAGE must be one of/,
    ],
    [
      'no reason',
      ['set', 'reviews.list', 'service'],
      { FICUS_TOKEN: ADMIN },
      2,
      /^FICUS_CLI_USAGE: set needs --reason/,
    ],
    ['no subcommand', [], { FICUS_TOKEN: ADMIN }, 2, /^FICUS_CLI_USAGE: name a subcommand/],
    ['unknown option', ['list', '--colour'], { FICUS_TOKEN: ADMIN }, 2, /^FICUS_CLI_USAGE: .*colour/],
    ['missing id', ['history'], { FICUS_TOKEN: ADMIN }, 2, /^FICUS_CLI_USAGE: missing argument/],
  ];
  for (const [what, argv, env, code, stderr] of cases) {
    const result = await ficusFlags([...argv, '--admin', url], env);
    t.equal(result.code, code, `${what}: exit code`);
    t.match(result.stderr, stderr, what);
  }
});

t.test('an unreachable admin API exits 1 naming the URL', async (t) => {
  const port = await closedPort();
  const result = await ficusFlags(['list', '--admin', `http://127.0.0.1:${port}`], { FICUS_TOKEN: ADMIN });
  t.equal(result.code, 1);
  t.equal(
    result.stderr,
    `FICUS_CLI_ADMIN_UNREACHABLE: cannot reach the admin API at http://127.0.0.1:${port}/ (ECONNREFUSED)\n`,
  );
});

t.test('list prints an aligned table and --json the API response', async (t) => {
  const { url, store } = await startAdmin(t);
  await store.set('reviews.list', { stage: 'canary', percent: 7.5, reason: 'ramp' }, 0, 'reviews');
  const table = await ficusFlags(['list', '--admin', url], { FICUS_TOKEN: ADMIN });
  t.equal(table.code, 0);
  // The data plane of this fake never applies flags, so the written route carries the "not applied yet" mark.
  t.equal(
    table.stdout,
    [
      'ROUTE         STAGE     CANARY  SHADOW  VERSION  OWNER    REQ/S  ERRORS  P99 MS  UPDATED BY',
      'reviews.list  canary*     7.5%       -        1  reviews    5.0    2.0%      42  reviews',
      'orders.get    monolith       -       -        0  orders       -       -       -  -',
      '',
      '* the data plane has not applied this version yet',
      '',
    ].join('\n'),
  );
  const json = await ficusFlags(['list', '--json', '--admin', url], { FICUS_TOKEN: ADMIN });
  t.match(JSON.parse(json.stdout), {
    routes: [
      { id: 'reviews.list', version: 1, flag: { percent: 7.5 } },
      { id: 'orders.get', flag: null },
    ],
  });
});

t.test('show prints one route with its live numbers', async (t) => {
  const { url, store } = await startAdmin(t);
  await store.set('reviews.list', { stage: 'shadow', shadowPercent: 25, reason: 'compare' }, 0, 'reviews');
  const result = await ficusFlags(['show', 'reviews.list', '--admin', url], { FICUS_TOKEN: ADMIN });
  t.equal(result.code, 0);
  t.match(result.stdout, /^route: {5}reviews\.list$/m);
  t.match(result.stdout, /^stage: {5}shadow 25%$/m);
  t.match(result.stdout, /^version: {3}1 \(data plane still on 0\)$/m);
  t.match(result.stdout, /^traffic: {3}300 requests, 5\.0\/s \(monolith 280, service 20\)$/m);
  t.match(result.stdout, /^latency: {3}p50 3 ms, p99 41\.6 ms$/m);
});

t.test(
  'show prints the shadow evidence: match rate, fields, noise, gate and the last mismatch',
  async (t) => {
    const { url } = await startAdmin(t);
    const result = await ficusFlags(['show', 'reviews.list', '--admin', url], { FICUS_TOKEN: ADMIN });
    t.equal(result.code, 0);
    t.match(
      result.stdout,
      /^evidence: +412 compared, 409 matched, 3 mismatched, 1 failed \(timeout 1\); match rate 99\.03 %$/m,
    );
    t.match(result.stdout, /^fields: +body\.items\[\*\]\.rating 3$/m);
    t.match(
      result.stdout,
      /^noise: +body\.generatedAt \(40 comparisons differed only there; 60 noise samples\)$/m,
    );
    t.match(result.stdout, /^gate: +open/m);
    t.match(
      result.stdout,
      /^last mismatch: +2026-05-01T09:30:00\.000Z GET \/api\/reviews\.list\?page=2 body\.items\[3\]\.rating \(changed\): 5 → 4$/m,
    );
    const json = await ficusFlags(['show', 'reviews.list', '--admin', url, '--json'], { FICUS_TOKEN: ADMIN });
    t.match(JSON.parse(json.stdout), {
      id: 'reviews.list',
      evidence: { compared: 412, gate: { passed: true } },
    });
  },
);

t.test('set --force sends force with the write', async (t) => {
  const { url, store } = await startAdmin(t);
  const result = await ficusFlags(
    ['set', 'reviews.list', 'service', '--force', '--reason', 'incident', '--admin', url],
    { FICUS_TOKEN: ADMIN },
  );
  t.equal(result.code, 0, result.stderr);
  t.match(await store.get('reviews.list'), { stage: 'service', reason: 'incident' });
});

t.test('history lists writes and refusals newest first', async (t) => {
  const { url, store } = await startAdmin(t);
  await store.set('reviews.list', { stage: 'canary', percent: 5, reason: 'start' }, 0, 'reviews');
  await store.set('reviews.list', { stage: 'service', reason: 'late' }, 0, 'orders');
  await store.set('reviews.list', { stage: 'monolith', reason: 'rollback' }, 1, 'platform');
  const result = await ficusFlags(['history', 'reviews.list', '--admin', url], { FICUS_TOKEN: ADMIN });
  t.equal(result.code, 0);
  t.equal(
    result.stdout,
    [
      'AT                        ACTOR     RESULT    FROM          TO         REASON',
      '2026-05-01T09:03:00.000Z  platform  ok        canary 5% v1  monolith   rollback',
      '2026-05-01T09:02:00.000Z  orders    conflict  canary 5% v1  service    late (expected version 0, found 1)',
      '2026-05-01T09:01:00.000Z  reviews   ok        -             canary 5%  start',
      '',
    ].join('\n'),
  );
  const limited = await ficusFlags(['history', 'reviews.list', '--limit', '1', '--json', '--admin', url], {
    FICUS_TOKEN: ADMIN,
  });
  t.match(JSON.parse(limited.stdout), { entries: [{ reason: 'rollback' }] });
});
