// The whole migration through the CLI and real processes: `ficus demo`, then a reviews route goes
// monolith → shadow → canary 50 % → service while a client keeps reading; the service is killed and GET traffic
// falls back to the monolith; the route is rolled back; the audit trail tells the story.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { ficus, freePorts, startDemoProcess, steadyClient, waitFor } from './demo-processes.js';

const ROUTE = 'reviews.list';

t.test(
  'a reviews route migrates stage by stage with no client-visible error, and survives its service dying',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'ficus-e2e-'));
    const [proxy, admin, monolith, reviews, catalog] = (await freePorts(5)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const demo = await startDemoProcess([
      '--dir',
      dir,
      '--port',
      String(proxy),
      '--admin-port',
      String(admin),
      '--monolith-port',
      String(monolith),
      '--reviews-port',
      String(reviews),
      '--catalog-port',
      String(catalog),
    ]);
    t.teardown(async () => {
      if (demo.child.exitCode === null) {
        const exited = new Promise((resolve) => demo.child.once('exit', resolve));
        demo.child.kill('SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    });

    const adminUrl = `http://127.0.0.1:${admin}`;
    const tokens = JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8')) as {
      reviews: string;
      catalog: string;
    };
    const state = JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as {
      pids: Record<string, number>;
    };
    // The reviews team flips its own route, as in a real migration.
    const asReviews = { FICUS_TOKEN: tokens.reviews, FICUS_ADMIN_URL: adminUrl };
    const show = async (): Promise<RouteJson> => {
      const run = await ficus(['flags', 'show', ROUTE, '--json'], asReviews);
      return JSON.parse(run.stdout) as RouteJson;
    };
    const set = async (stage: string, extra: string[], reason: string): Promise<void> => {
      const run = await ficus(['flags', 'set', ROUTE, stage, ...extra, '--reason', reason], asReviews);
      t.equal(run.code, 0, `flags set ${stage} ${extra.join(' ')} succeeds: ${run.stderr}${run.stdout}`);
    };

    t.test('another team cannot flip the route', async (t) => {
      const run = await ficus(['flags', 'set', ROUTE, 'service', '--reason', 'not ours'], {
        FICUS_TOKEN: tokens.catalog,
        FICUS_ADMIN_URL: adminUrl,
      });
      t.equal(run.code, 1);
      t.match(run.stderr, /FICUS_PROXY_ADMIN_FORBIDDEN/);
    });

    const client = steadyClient(`http://127.0.0.1:${proxy}`);
    try {
      await set('shadow', ['--shadow-percent', '100'], 'compare the reviews service on live traffic');
      await waitFor(
        '500 shadow comparisons',
        async () => (await diffs(adminUrl, tokens.reviews)).compared >= 500,
        90_000,
      );
      const evidence = await diffs(adminUrl, tokens.reviews);
      t.ok(
        evidence.matchRate >= 0.99,
        `the service answers like the monolith (match rate ${evidence.matchRate})`,
      );

      await set('canary', ['--percent', '50'], 'evidence is in: half the users');
      const beforeCanary = (await show()).stats?.byTarget.service ?? 0;
      await waitFor(
        'service traffic at canary 50 %',
        async () => ((await show()).stats?.byTarget.service ?? 0) > beforeCanary + 50,
      );
      const canaryStats = (await show()).stats!;
      t.ok((canaryStats.byTarget.monolith ?? 0) > 0, 'at canary 50 % the monolith still serves some users');

      await set('service', [], 'all users');
      const beforeService = (await show()).stats?.byTarget.service ?? 0;
      await waitFor(
        'service traffic at stage service',
        async () => ((await show()).stats?.byTarget.service ?? 0) > beforeService + 100,
      );

      // The reviews service dies: GET traffic must fall back to the monolith without a single failed request.
      const fallbacksBefore = (await show()).stats?.fallbacks ?? 0;
      process.kill(state.pids.reviews!, 'SIGKILL');
      await waitFor(
        'fallbacks to the monolith',
        async () => ((await show()).stats?.fallbacks ?? 0) > fallbacksBefore + 20,
      );

      const current = await show();
      if (current.stage !== 'monolith') await set('monolith', [], 'reviews service is down: roll back');
      t.equal((await show()).stage, 'monolith', 'the route is back on the monolith');
    } finally {
      await client.stop();
    }

    t.ok(client.tally.requests > 800, `the client kept reading (${client.tally.requests} requests)`);
    t.same(
      client.tally.failures.slice(0, 5),
      [],
      'the client saw no error at any stage, nor when the service died',
    );

    const history = await ficus(['flags', 'history', ROUTE, '--json', '--limit', '50'], asReviews);
    t.equal(history.code, 0);
    const entries = JSON.parse(history.stdout) as { entries?: AuditJson[] } | AuditJson[];
    const list = Array.isArray(entries) ? entries : (entries.entries ?? []);
    const story = list
      .filter((e) => e.result === 'ok')
      .reverse()
      .map((e) => e.to?.stage);
    t.same(
      story.slice(0, 3),
      ['shadow', 'canary', 'service'],
      'the audit trail tells the migration in order',
    );
    t.equal(story.at(-1), 'monolith', 'and ends with the rollback');

    const exited = new Promise<number | null>((resolve) => demo.child.once('exit', resolve));
    demo.child.kill('SIGINT');
    t.equal(await exited, 0, 'ficus demo stops cleanly on Ctrl-C');
  },
);

interface RouteJson {
  stage: string;
  stats: { byTarget: Record<string, number>; fallbacks: number } | null;
}

interface AuditJson {
  result: string;
  actor: string;
  to: { stage: string } | null;
}

async function diffs(adminUrl: string, token: string): Promise<{ compared: number; matchRate: number }> {
  const response = await fetch(`${adminUrl}/routes/${ROUTE}/diffs`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { compared?: number; matchRate?: number };
  return { compared: body.compared ?? 0, matchRate: body.matchRate ?? 0 };
}
