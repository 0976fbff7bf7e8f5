// `ficus flags reset-evidence` against a real admin app on port 0: what it prints, what it audits, how it refuses.
import t from 'tap';
import { flagsCommand } from '../../src/commands/flags.js';
import { ADMIN, REVIEWS, ficusFlags, startAdmin } from './flags-fixture.js';

t.test('reset-evidence clears the route, says what was cleared, and the trail records it', async (t) => {
  const { url, store } = await startAdmin(t);
  await store.set('reviews.list', { stage: 'shadow', shadowPercent: 100, reason: 'compare' }, 0, 'reviews');
  const result = await ficusFlags(
    ['reset-evidence', 'reviews.list', '--reason', 'v2 fixes the rating rounding', '--admin', url],
    { FICUS_TOKEN: REVIEWS },
  );
  t.same(result, {
    code: 0,
    stdout:
      'reviews.list: shadow evidence reset (cleared 412 compared, 409 matched, 3 mismatched, 1 failed)\n',
    stderr: '',
  });

  const show = await ficusFlags(['show', 'reviews.list', '--admin', url], { FICUS_TOKEN: REVIEWS });
  t.match(show.stdout, /^evidence: +0 compared, 0 matched, 0 mismatched, 0 failed; match rate none yet$/m);
  t.notMatch(show.stdout, /last mismatch/);

  const history = await ficusFlags(['history', 'reviews.list', '--admin', url], { FICUS_TOKEN: REVIEWS });
  t.equal(
    history.stdout,
    [
      'AT                        ACTOR    RESULT  FROM            TO              REASON',
      '2026-05-01T09:02:00.000Z  reviews  ok      shadow 100% v1  evidence reset  ' +
        'v2 fixes the rating rounding (cleared 412 compared, 409 matched, 3 mismatched, 1 failed)',
      '2026-05-01T09:01:00.000Z  reviews  ok      -               shadow 100%     compare',
      '',
    ].join('\n'),
  );
  t.match(await store.get('reviews.list'), { version: 1, stage: 'shadow' }, 'the flag is untouched');
});

t.test('reset-evidence --json prints the admin API answer', async (t) => {
  const { url } = await startAdmin(t);
  const result = await ficusFlags(
    ['reset-evidence', 'orders.get', '--reason', 'new build', '--json', '--admin', url],
    { FICUS_TOKEN: ADMIN },
  );
  t.equal(result.code, 0, result.stderr);
  t.same(JSON.parse(result.stdout), {
    routeId: 'orders.get',
    cleared: { compared: 412, matched: 409, mismatched: 3, failed: 1 },
  });
});

t.test('reset-evidence refusals print the API code; bad input is a usage error', async (t) => {
  const { url, store } = await startAdmin(t);
  const cases: Array<[string, string[], Record<string, string>, number, RegExp]> = [
    [
      'foreign route',
      ['reset-evidence', 'orders.get', '--reason', 'x'],
      { FICUS_TOKEN: REVIEWS },
      1,
      /^FICUS_PROXY_ADMIN_FORBIDDEN: reviews may not change route orders\.get/,
    ],
    [
      'wrong token',
      ['reset-evidence', 'reviews.list', '--reason', 'x'],
      { FICUS_TOKEN: 'nope' },
      1,
      /^FICUS_PROXY_ADMIN_UNAUTHENTICATED: /,
    ],
    [
      'unknown route',
      ['reset-evidence', 'nope', '--reason', 'x'],
      { FICUS_TOKEN: ADMIN },
      2,
      /^FICUS_PROXY_ADMIN_NOT_FOUND: no route with id "nope"/,
    ],
    [
      'no reason',
      ['reset-evidence', 'reviews.list'],
      { FICUS_TOKEN: ADMIN },
      2,
      /^FICUS_CLI_USAGE: reset-evidence needs --reason/,
    ],
    [
      'blank reason',
      ['reset-evidence', 'reviews.list', '--reason', '  '],
      { FICUS_TOKEN: ADMIN },
      2,
      /^FICUS_CLI_USAGE: reset-evidence needs --reason/,
    ],
    [
      'missing id',
      ['reset-evidence', '--reason', 'x'],
      { FICUS_TOKEN: ADMIN },
      2,
      /^FICUS_CLI_USAGE: missing argument: ficus flags reset-evidence ID/,
    ],
    [
      'extra argument',
      ['reset-evidence', 'reviews.list', 'all', '--reason', 'x'],
      { FICUS_TOKEN: ADMIN },
      2,
      /^FICUS_CLI_USAGE: unexpected argument "all"/,
    ],
  ];
  for (const [what, argv, env, code, stderr] of cases) {
    const result = await ficusFlags([...argv, '--admin', url], env);
    t.equal(result.code, code, `${what}: exit code`);
    t.match(result.stderr, stderr, what);
    t.equal(result.stdout, '', `${what}: nothing on stdout`);
  }
  const audited = (await store.audit()).map((e) => [e.routeId, e.result, e.action]);
  t.same(
    audited,
    [
      ['nope', 'invalid', 'reset-evidence'],
      ['reviews.list', 'unauthenticated', 'reset-evidence'],
      ['orders.get', 'forbidden', 'reset-evidence'],
    ],
    'refusals by the admin API are audited; usage errors never reach it',
  );
});

t.test('--help documents reset-evidence', async (t) => {
  t.match(flagsCommand.help, /^ {2}reset-evidence ID {4}forget the route's shadow evidence/m);
  t.match(flagsCommand.help, /--reason R +set, reset-evidence: why/);
});
