// Schema migrations, applied in order at start-up and recorded in `schema_migrations`.
import type Database from 'better-sqlite3';

// The raw driver type, so this module never imports the connection module that calls it.
type Db = Database.Database;

interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Every domain's tables live in this one database; later migrations bolted features on, as legacy apps do.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial store',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'customer',
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE addresses (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        line1 TEXT NOT NULL,
        city TEXT NOT NULL,
        postal_code TEXT NOT NULL,
        country TEXT NOT NULL
      );
      CREATE TABLE categories (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        parent_id INTEGER REFERENCES categories(id)
      );
      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL,
        brand TEXT NOT NULL,
        category_id INTEGER NOT NULL REFERENCES categories(id),
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      );
      CREATE TABLE prices (
        product_id INTEGER PRIMARY KEY REFERENCES products(id),
        list_price_cents INTEGER NOT NULL,
        sale_price_cents INTEGER,
        currency TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE fulfillment_centers (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        city TEXT NOT NULL,
        country TEXT NOT NULL
      );
      CREATE TABLE stock (
        product_id INTEGER NOT NULL REFERENCES products(id),
        center_id INTEGER NOT NULL REFERENCES fulfillment_centers(id),
        quantity INTEGER NOT NULL,
        PRIMARY KEY (product_id, center_id)
      );
      CREATE TABLE carts (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        promo_code TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE cart_items (
        user_id INTEGER NOT NULL REFERENCES users(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        quantity INTEGER NOT NULL,
        PRIMARY KEY (user_id, product_id)
      );
      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        status TEXT NOT NULL,
        subtotal_cents INTEGER NOT NULL,
        discount_cents INTEGER NOT NULL,
        shipping_cents INTEGER NOT NULL,
        total_cents INTEGER NOT NULL,
        promo_code TEXT,
        address_id INTEGER REFERENCES addresses(id),
        created_at TEXT NOT NULL
      );
      CREATE TABLE order_items (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        center_id INTEGER NOT NULL REFERENCES fulfillment_centers(id),
        quantity INTEGER NOT NULL,
        unit_price_cents INTEGER NOT NULL
      );
      CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id),
        amount_cents INTEGER NOT NULL,
        method TEXT NOT NULL,
        status TEXT NOT NULL,
        card_last4 TEXT,
        created_at TEXT NOT NULL,
        refunded_at TEXT
      );
      CREATE TABLE shipments (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id),
        center_id INTEGER NOT NULL REFERENCES fulfillment_centers(id),
        status TEXT NOT NULL,
        carrier TEXT NOT NULL,
        tracking_number TEXT NOT NULL,
        created_at TEXT NOT NULL,
        dispatched_at TEXT,
        delivered_at TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'ratings and reviews',
    sql: `
      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        helpful_count INTEGER NOT NULL DEFAULT 0,
        verified_purchase INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (product_id, user_id)
      );
      CREATE TABLE review_votes (
        review_id INTEGER NOT NULL REFERENCES reviews(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (review_id, user_id)
      );
    `,
  },
  {
    version: 3,
    name: 'promotions',
    sql: `
      CREATE TABLE promotions (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL,
        percent_off INTEGER NOT NULL CHECK (percent_off BETWEEN 1 AND 90),
        min_subtotal_cents INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        expires_at TEXT
      );
    `,
  },
  {
    version: 4,
    name: 'notification outbox',
    sql: `
      CREATE TABLE notification_outbox (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL,
        channel TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT
      );
    `,
  },
  {
    version: 5,
    name: 'merchandising pins for recommendations',
    sql: `
      CREATE TABLE recommendation_pins (
        product_id INTEGER NOT NULL REFERENCES products(id),
        recommended_product_id INTEGER NOT NULL REFERENCES products(id),
        weight INTEGER NOT NULL,
        PRIMARY KEY (product_id, recommended_product_id)
      );
    `,
  },
  {
    version: 6,
    name: 'indexes for slow pages',
    sql: `
      CREATE INDEX products_category ON products(category_id, name);
      CREATE INDEX reviews_product ON reviews(product_id, created_at);
      CREATE INDEX reviews_user ON reviews(user_id);
      CREATE INDEX orders_user ON orders(user_id, created_at);
      CREATE INDEX order_items_order ON order_items(order_id);
      CREATE INDEX order_items_product ON order_items(product_id);
      CREATE INDEX payments_order ON payments(order_id);
      CREATE INDEX shipments_order ON shipments(order_id);
      CREATE INDEX stock_center ON stock(center_id);
      CREATE INDEX outbox_status ON notification_outbox(status, id);
      CREATE INDEX outbox_user ON notification_outbox(user_id, id);
      CREATE INDEX sessions_user ON sessions(user_id);
    `,
  },
];

export function runMigrations(db: Db): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  let count = 0;
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(
        migration.version,
        migration.name,
      );
    })();
    count += 1;
  }
  return count;
}

export function latestSchemaVersion(): number {
  return MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
}
