// Opens the one SQLite database every domain shares: WAL, foreign keys, migrations, and a seed on first start.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { runMigrations } from './migrations.js';
import { seedStore } from './seed/seed-store.js';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Seed the store when it has no products yet (default true). */
  seed?: boolean;
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  runMigrations(db);
  if (options.seed !== false) {
    const { count } = db.prepare('SELECT COUNT(*) AS count FROM products').get() as { count: number };
    if (count === 0) seedStore(db);
  }
  return db;
}
