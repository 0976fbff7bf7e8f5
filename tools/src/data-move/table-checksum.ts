// Row count and SHA-256 of a table's columns, rows in primary-key order: equal on both sides means the copy is exact.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface TableDigest {
  rows: number;
  sha256: string;
}

/** `table` may be schema-qualified (`src.reviews`); columns and key are trusted identifiers from a table spec. */
export function tableDigest(
  db: Database.Database,
  table: string,
  columns: readonly string[],
  key: readonly string[],
): TableDigest {
  const hash = createHash('sha256');
  let rows = 0;
  const select = db
    .prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${key.join(', ')}`)
    .raw(true);
  for (const row of select.iterate()) {
    // One JSON array per line: unambiguous for text with separators in it, and stable for numbers and null.
    hash.update(`${JSON.stringify(row)}\n`);
    rows += 1;
  }
  return { rows, sha256: hash.digest('hex') };
}
