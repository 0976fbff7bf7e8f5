import t from 'tap';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededTemplate } from '@ficus/monolith';
import { moveReviewsData } from '../../src/data-move/reviews-tables.js';

function scratch(t: { teardown(fn: () => unknown): void }): { from: string; to: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-reviews-move-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const from = join(dir, 'monolith.sqlite');
  copyFileSync(seededTemplate(), from);
  return { from, to: join(dir, 'reviews.sqlite') };
}

function byTable<T extends { table: string }>(items: T[]): Record<string, T> {
  return Object.fromEntries(items.map((i) => [i.table, i]));
}

t.test('the move copies every table and verifies it by row count and SHA-256', async (t) => {
  const paths = scratch(t);
  const lines: string[] = [];
  const result = moveReviewsData({ ...paths, progress: (line) => lines.push(line) });
  const tables = byTable(result.tables);
  t.same(Object.keys(tables), ['reviews', 'review_votes', 'authors', 'known_products']);
  t.ok(result.tables.every((x) => x.verified && x.state === 'copied'));
  t.equal(tables.reviews?.target.rows, 8000);
  t.equal(tables.authors?.target.rows, 401);
  t.equal(tables.known_products?.target.rows, 3000);
  t.equal(tables.reviews?.target.sha256, tables.reviews?.source.sha256);
  t.ok(
    lines.some((l) => /^reviews: batch 8, 8000 rows/.test(l)),
    'progress per batch',
  );
});

t.test('running it twice changes nothing', async (t) => {
  const paths = scratch(t);
  const first = moveReviewsData(paths);
  const second = moveReviewsData(paths);
  t.same(
    second.tables.map((x) => [x.table, x.state, x.rowsWritten, x.rowsDeleted, x.verified]),
    first.tables.map((x) => [x.table, 'unchanged', 0, 0, true]),
  );
  t.same(
    second.tables.map((x) => x.target.sha256),
    first.tables.map((x) => x.target.sha256),
  );
});

t.test('a run killed between batches resumes after the last committed batch', async (t) => {
  const paths = scratch(t);
  t.throws(() =>
    moveReviewsData({
      ...paths,
      batchSize: 1000,
      afterBatch: (table, batch) => {
        if (table === 'reviews' && batch === 3) throw new Error('killed');
      },
    }),
  );
  const half = new Database(paths.to, { readonly: true });
  t.equal((half.prepare('SELECT COUNT(*) AS n FROM reviews').get() as { n: number }).n, 3000);
  half.close();

  const lines: string[] = [];
  const resumed = moveReviewsData({ ...paths, progress: (line) => lines.push(line) });
  const reviews = byTable(resumed.tables).reviews;
  t.ok(lines.includes('reviews: resuming after key [3000]'));
  t.equal(reviews?.rowsWritten, 5000, 'only the rows after the last committed batch are read and written');
  t.ok(resumed.tables.every((x) => x.verified));
});

t.test('after the move the service owns reviews; copies of other domains follow the monolith', async (t) => {
  const paths = scratch(t);
  moveReviewsData(paths);
  const service = new Database(paths.to);
  service
    .prepare(
      `INSERT INTO reviews (product_id, user_id, rating, title, body, created_at, updated_at)
       VALUES (3000, 13, 4, 'New', 'Written after the cut-over.', '2026-06-01', '2026-06-01')`,
    )
    .run();
  service.close();
  const monolith = new Database(paths.from);
  monolith.prepare("UPDATE users SET name = 'Renamed Person' WHERE id = 13").run();
  monolith.prepare('DELETE FROM review_votes').run();
  monolith.close();

  const tables = byTable(moveReviewsData(paths).tables);
  t.equal(tables.reviews?.state, 'kept', 'the service’s own write is not overwritten');
  t.equal(tables.reviews?.target.rows, 8001);
  t.equal(tables.authors?.state, 'copied');
  t.equal(tables.authors?.rowsWritten, 1, 'only the renamed author is rewritten');
  t.ok(tables.authors?.verified);
  const check = new Database(paths.to, { readonly: true });
  t.same(check.prepare('SELECT name FROM authors WHERE id = 13').get(), { name: 'Renamed Person' });
  check.close();
});
