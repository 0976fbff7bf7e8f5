// Opens the catalog service's own SQLite database and creates its schema.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

// `categories` and `products` are the catalog's own tables. `prices` and `stock` are read-only copies of the
// pricing and inventory columns the product JSON shows (price, in stock); the data move keeps them level.
// No foreign keys: the copies are refreshed independently, and the source already enforced them.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS categories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    parent_id INTEGER
  );
  CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    brand TEXT NOT NULL,
    category_id INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS prices (
    product_id INTEGER PRIMARY KEY,
    list_price_cents INTEGER NOT NULL,
    sale_price_cents INTEGER,
    currency TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS stock (
    product_id INTEGER NOT NULL,
    center_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    PRIMARY KEY (product_id, center_id)
  );
  CREATE INDEX IF NOT EXISTS products_category ON products(category_id, name);
`;

/** Creates the service's tables on an open connection (idempotent). */
export function createCatalogSchema(db: Db): void {
  db.exec(SCHEMA);
}

export function openCatalogDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  createCatalogSchema(db);
  return db;
}
