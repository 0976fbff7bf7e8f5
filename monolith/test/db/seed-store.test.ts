import t from 'tap';
import { createHash } from 'node:crypto';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { seedStore } from '../../src/db/seed/seed-store.js';
import { latestSchemaVersion, runMigrations } from '../../src/db/migrations.js';

const TABLES = [
  'users',
  'addresses',
  'categories',
  'products',
  'prices',
  'promotions',
  'fulfillment_centers',
  'stock',
  'orders',
  'order_items',
  'payments',
  'shipments',
  'reviews',
  'notification_outbox',
  'carts',
  'cart_items',
  'recommendation_pins',
];

function fingerprint(db: Db): string {
  const hash = createHash('sha256');
  for (const table of TABLES)
    hash.update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
  return hash.digest('hex');
}

t.test('seeding is deterministic: two seeds give identical tables', async (t) => {
  const a = openDatabase(':memory:', { seed: false });
  const b = openDatabase(':memory:', { seed: false });
  t.teardown(() => {
    a.close();
    b.close();
  });
  const summary = seedStore(a);
  seedStore(b);
  t.equal(fingerprint(a), fingerprint(b));
  t.match(summary, {
    users: 401,
    fulfillmentCenters: 6,
    categories: 40,
    products: 3000,
    orders: 2000,
    reviews: 8000,
    stockRows: 18000,
  });
  t.ok(summary.payments > 1500 && summary.shipments > 2000 && summary.notifications > 5000);
});

t.test('migrations run once and record the schema version', async (t) => {
  const db = openDatabase(':memory:', { seed: false });
  t.teardown(() => db.close());
  t.equal(runMigrations(db), 0, 'already applied by openDatabase');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number };
  t.equal(row.v, latestSchemaVersion());
});

t.test('openDatabase seeds an empty store once and leaves a seeded one alone', async (t) => {
  const db = openDatabase(':memory:');
  t.teardown(() => db.close());
  const count = (): number => (db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
  t.equal(count(), 3000);
  t.equal(db.pragma('foreign_keys', { simple: true }), 1);
});
