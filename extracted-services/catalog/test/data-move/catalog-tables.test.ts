import t from 'tap';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededTemplate, startMonolith } from '@ficus/monolith';
import { moveCatalogData } from '../../src/data-move/catalog-tables.js';
import { startCatalogService } from '../../src/start-catalog-service.js';

function scratch(t: { teardown(fn: () => unknown): void }): { from: string; to: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-catalog-move-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const from = join(dir, 'monolith.sqlite');
  copyFileSync(seededTemplate(), from);
  return { from, to: join(dir, 'catalog.sqlite') };
}

t.test('the move copies and verifies every table, and a second run changes nothing', async (t) => {
  const paths = scratch(t);
  const first = moveCatalogData(paths);
  t.same(
    first.tables.map((x) => [x.table, x.target.rows, x.verified]),
    [
      ['categories', 40, true],
      ['products', 3000, true],
      ['prices', 3000, true],
      ['stock', 18000, true],
    ],
  );
  const second = moveCatalogData(paths);
  t.same(
    second.tables.map((x) => [x.state, x.rowsWritten, x.rowsDeleted, x.target.sha256]),
    first.tables.map((x) => ['unchanged', 0, 0, x.target.sha256]),
  );
});

t.test('a run killed inside the composite-key stock table resumes after its last batch', async (t) => {
  const paths = scratch(t);
  t.throws(() =>
    moveCatalogData({
      ...paths,
      batchSize: 5000,
      afterBatch: (table, batch) => {
        if (table === 'stock' && batch === 2) throw new Error('killed');
      },
    }),
  );
  const lines: string[] = [];
  const resumed = moveCatalogData({ ...paths, batchSize: 5000, progress: (line) => lines.push(line) });
  const stock = resumed.tables.find((x) => x.table === 'stock');
  t.ok(lines.some((l) => l.startsWith('stock: resuming after key [')));
  t.equal(stock?.rowsWritten, 8000);
  t.ok(resumed.tables.every((x) => x.verified));
});

t.test('while the monolith still writes products, a re-run brings the service level with it', async (t) => {
  const paths = scratch(t);
  moveCatalogData(paths);
  const monolith = await startMonolith({ dbPath: paths.from });
  t.teardown(() => monolith.close());
  const login = await fetch(`${monolith.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'admin-password' }),
  });
  const { token } = (await login.json()) as { token: string };
  const patched = await fetch(`${monolith.url}/api/products/5`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Renamed By The Monolith' }),
  });
  t.equal(patched.status, 200);

  // The running service syncs on a timer; `sync()` is the same step on demand, so no test waits on the clock.
  const service = await startCatalogService({
    dbPath: paths.to,
    syncFrom: paths.from,
    syncEveryMs: 3_600_000,
  });
  t.teardown(() => service.close());
  const result = service.sync?.();
  const products = result?.tables.find((x) => x.table === 'products');
  t.same([products?.state, products?.rowsWritten, products?.verified], ['copied', 1, true]);
  const fromService = await (await fetch(`${service.url}/api/products/5`)).text();
  const fromMonolith = await (await fetch(`${monolith.url}/api/products/5`)).text();
  t.equal(fromService, fromMonolith);
  t.match(fromService, /Renamed By The Monolith/);
  const check = new Database(paths.to, { readonly: true });
  t.equal((check.prepare('SELECT COUNT(*) AS n FROM stock').get() as { n: number }).n, 18000);
  check.close();
});
