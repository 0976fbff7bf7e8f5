// Opens the reviews service's own SQLite database and creates its schema; no other process writes to it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

// `reviews` and `review_votes` are owned here (moved from the monolith, same columns and ids). `authors` and
// `known_products` are read-only copies of the accounts' and catalog's columns this service shows or checks; the
// data move refreshes them and sign-ins and catalog look-ups top them up. No foreign keys across them: the rows they
// would point at live in other services.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    helpful_count INTEGER NOT NULL DEFAULT 0,
    verified_purchase INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (product_id, user_id)
  );
  CREATE TABLE IF NOT EXISTS review_votes (
    review_id INTEGER NOT NULL REFERENCES reviews(id),
    user_id INTEGER NOT NULL,
    PRIMARY KEY (review_id, user_id)
  );
  CREATE TABLE IF NOT EXISTS authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS known_products (id INTEGER PRIMARY KEY);
  CREATE INDEX IF NOT EXISTS reviews_product ON reviews(product_id, created_at);
  CREATE INDEX IF NOT EXISTS reviews_user ON reviews(user_id);
`;

/** Creates the service's tables on an open connection (idempotent). */
export function createReviewsSchema(db: Db): void {
  db.exec(SCHEMA);
}

export function openReviewsDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  createReviewsSchema(db);
  return db;
}
