// Starts a seeded store on a port, for tests and other packages (seeds one template per process and copies it),
// and signs its seed users in.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './app.js';
import { openDatabase } from './db/connection.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './db/seed/seed-people.js';

export interface StartMonolithOptions {
  /** Database file to use; created and seeded if missing. Default: a fresh copy of the seeded store in a temp dir. */
  dbPath?: string;
  host?: string;
  port?: number;
  logger?: FastifyServerOptions['logger'];
}

export interface RunningMonolith {
  url: string;
  close(): Promise<void>;
}

let templatePath: string | undefined;

/** Seeds the store once per process; later calls copy the file, which takes milliseconds instead of a second. */
export function seededTemplate(): string {
  if (templatePath !== undefined && existsSync(templatePath)) return templatePath;
  const dir = mkdtempSync(join(tmpdir(), 'ficus-monolith-template-'));
  const path = join(dir, 'store.sqlite');
  // The template is written without WAL so the single file is the whole database.
  const db = openDatabase(path);
  db.pragma('journal_mode = DELETE');
  db.close();
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  templatePath = path;
  return path;
}

export async function startMonolith(options: StartMonolithOptions = {}): Promise<RunningMonolith> {
  let dbPath = options.dbPath;
  let tempDir: string | undefined;
  if (dbPath === undefined) {
    tempDir = mkdtempSync(join(tmpdir(), 'ficus-monolith-'));
    dbPath = join(tempDir, 'store.sqlite');
    copyFileSync(seededTemplate(), dbPath);
  }
  const app = buildApp({ db: openDatabase(dbPath), logger: options.logger ?? false });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      await app.close();
      if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** Signs a seeded account in over HTTP (`'admin'` or user number N = userN@example.com) and returns its token. */
export async function signInSeedUser(baseUrl: string, who: 'admin' | number): Promise<string> {
  const credentials =
    who === 'admin'
      ? { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }
      : { email: `user${who}@example.com`, password: `password${who}` };
  const response = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 201) throw new Error(`login as ${credentials.email} failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
