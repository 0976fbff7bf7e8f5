// Copies tables from the monolith's database into a service's database: in primary-key batches, each committed with
// its progress row (so a killed run resumes where it stopped), then verified by row count and checksum.
import Database from 'better-sqlite3';
import { tableDigest, type TableDigest } from './table-checksum.js';

/**
 * `owned`: the service becomes this table's only writer; it is copied once and never overwritten afterwards.
 * `replica`: a read-only copy of another domain's columns; every run brings it level with the source.
 */
export type TableMode = 'owned' | 'replica';

export interface TableSpec {
  source: string;
  target: string;
  columns: readonly string[];
  key: readonly string[];
  mode: TableMode;
}

export interface TableOutcome {
  table: string;
  mode: TableMode;
  /** `copied` this run, `unchanged` (already level), or `kept` (owned, written by the service since the move). */
  state: 'copied' | 'unchanged' | 'kept';
  rowsWritten: number;
  rowsDeleted: number;
  source: TableDigest;
  target: TableDigest;
  verified: boolean;
}

export interface MoveOptions {
  from: string;
  to: string;
  tables: readonly TableSpec[];
  batchSize?: number;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
  /** Called after each committed batch; throwing stops the run there (tests simulate a kill with it). */
  afterBatch?: (table: string, batch: number) => void;
  /** Creates the target's tables before the copy. */
  prepareTarget: (db: Database.Database) => void;
}

export interface MoveResult {
  tables: TableOutcome[];
  durationMs: number;
}

const PROGRESS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS data_move_progress (
    table_name TEXT PRIMARY KEY,
    last_key TEXT,
    rows_written INTEGER NOT NULL DEFAULT 0,
    done INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT
  );
`;

interface ProgressRow {
  last_key: string | null;
  rows_written: number;
  done: number;
  sha256: string | null;
}

export function moveTables(options: MoveOptions, clock: () => number = Date.now): MoveResult {
  const started = clock();
  const db = new Database(options.to);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    options.prepareTarget(db);
    db.exec(PROGRESS_SCHEMA);
    // Read-only use: the monolith may keep running (WAL readers do not block its writer).
    db.prepare('ATTACH DATABASE ? AS src').run(options.from);
    // Foreign keys between copied tables hold in the source; checking them per batch would only order the batches.
    db.pragma('foreign_keys = OFF');
    const tables = options.tables.map((spec) => moveTable(db, spec, options));
    return { tables, durationMs: clock() - started };
  } finally {
    db.close();
  }
}

function moveTable(db: Database.Database, spec: TableSpec, options: MoveOptions): TableOutcome {
  const say = options.progress ?? (() => undefined);
  const source = tableDigest(db, `src.${spec.source}`, spec.columns, spec.key);
  let progress = db
    .prepare('SELECT last_key, rows_written, done, sha256 FROM data_move_progress WHERE table_name = ?')
    .get(spec.target) as ProgressRow | undefined;

  if (progress?.done === 1) {
    const target = tableDigest(db, `main.${spec.target}`, spec.columns, spec.key);
    if (target.sha256 === source.sha256) {
      say(`${spec.target}: unchanged (${target.rows} rows, sha256 ${target.sha256.slice(0, 12)})`);
      return outcome(spec, 'unchanged', 0, 0, source, target);
    }
    if (spec.mode === 'owned') {
      // After the move the service is the writer; copying again would throw away its writes.
      say(`${spec.target}: kept (owned by the service since the move; ${target.rows} rows)`);
      // The copy was verified when it finished; differing from the source now is the service's own writes.
      return { ...outcome(spec, 'kept', 0, 0, source, target), verified: true };
    }
    db.prepare(
      'UPDATE data_move_progress SET last_key = NULL, rows_written = 0, done = 0 WHERE table_name = ?',
    ).run(spec.target);
    progress = { last_key: null, rows_written: 0, done: 0, sha256: null };
  }
  if (progress === undefined) {
    db.prepare('INSERT INTO data_move_progress (table_name) VALUES (?)').run(spec.target);
    progress = { last_key: null, rows_written: 0, done: 0, sha256: null };
  }
  if (progress.last_key !== null) say(`${spec.target}: resuming after key ${progress.last_key}`);

  const written = copyBatches(db, spec, options, progress, source.rows);
  const deleted = deleteMissing(db, spec);
  const target = tableDigest(db, `main.${spec.target}`, spec.columns, spec.key);
  db.prepare('UPDATE data_move_progress SET done = 1, sha256 = ? WHERE table_name = ?').run(
    target.sha256,
    spec.target,
  );
  const result = outcome(spec, 'copied', written, deleted, source, target);
  say(
    `${spec.target}: ${result.verified ? 'verified' : 'MISMATCH'} ${target.rows}/${source.rows} rows, ` +
      `sha256 ${target.sha256.slice(0, 12)} (${written} written, ${deleted} deleted)`,
  );
  return result;
}

function copyBatches(
  db: Database.Database,
  spec: TableSpec,
  options: MoveOptions,
  progress: ProgressRow,
  sourceRows: number,
): number {
  const batchSize = options.batchSize ?? 1000;
  const keyList = spec.key.join(', ');
  const keyPlaceholders = spec.key.map(() => '?').join(', ');
  const after = `(${keyList}) > (${keyPlaceholders})`;
  const selectFirst = db
    .prepare(`SELECT ${spec.columns.join(', ')} FROM src.${spec.source} ORDER BY ${keyList} LIMIT ?`)
    .raw(true);
  const selectNext = db
    .prepare(
      `SELECT ${spec.columns.join(', ')} FROM src.${spec.source} WHERE ${after} ORDER BY ${keyList} LIMIT ?`,
    )
    .raw(true);
  const nonKey = spec.columns.filter((c) => !spec.key.includes(c));
  // Only rows that differ are written, so a re-run over equal data changes nothing (not even a page).
  const onConflict =
    nonKey.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${nonKey.map((c) => `${c} = excluded.${c}`).join(', ')} WHERE ${nonKey
          .map((c) => `${c} IS NOT excluded.${c}`)
          .join(' OR ')}`;
  const upsert = db.prepare(
    `INSERT INTO main.${spec.target} (${spec.columns.join(', ')}) VALUES (${spec.columns.map(() => '?').join(', ')})
     ON CONFLICT (${keyList}) ${onConflict}`,
  );
  const saveProgress = db.prepare(
    'UPDATE data_move_progress SET last_key = ?, rows_written = rows_written + ? WHERE table_name = ?',
  );
  const keyIndexes = spec.key.map((k) => spec.columns.indexOf(k));
  let lastKey: unknown[] | null =
    progress.last_key === null ? null : (JSON.parse(progress.last_key) as unknown[]);
  let seen = 0;
  let written = 0;
  for (let batch = 1; ; batch += 1) {
    const rows = (
      lastKey === null ? selectFirst.all(batchSize) : selectNext.all(...lastKey, batchSize)
    ) as unknown[][];
    if (rows.length === 0) break;
    const last = rows[rows.length - 1] as unknown[];
    lastKey = keyIndexes.map((i) => last[i]);
    const batchKey = JSON.stringify(lastKey);
    const changed = db.transaction(() => {
      let n = 0;
      for (const row of rows) n += upsert.run(...row).changes;
      saveProgress.run(batchKey, n, spec.target);
      return n;
    })();
    written += changed;
    seen += rows.length;
    options.progress?.(`${spec.target}: batch ${batch}, ${seen} rows read this run of ${sourceRows}`);
    options.afterBatch?.(spec.target, batch);
  }
  return written;
}

function deleteMissing(db: Database.Database, spec: TableSpec): number {
  const match = spec.key.map((k) => `s.${k} = main.${spec.target}.${k}`).join(' AND ');
  return db
    .prepare(
      `DELETE FROM main.${spec.target} WHERE NOT EXISTS (SELECT 1 FROM src.${spec.source} s WHERE ${match})`,
    )
    .run().changes;
}

function outcome(
  spec: TableSpec,
  state: TableOutcome['state'],
  rowsWritten: number,
  rowsDeleted: number,
  source: TableDigest,
  target: TableDigest,
): TableOutcome {
  return {
    table: spec.target,
    mode: spec.mode,
    state,
    rowsWritten,
    rowsDeleted,
    source,
    target,
    verified: source.rows === target.rows && source.sha256 === target.sha256,
  };
}
