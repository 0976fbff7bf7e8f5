// `npm run seed -w monolith`: (re)creates the store database at MONOLITH_DB (or data/store.sqlite) and reports sizes.
import { rmSync } from 'node:fs';
import { config } from '../../config.js';
import { openDatabase } from '../connection.js';
import { seedStore } from './seed-store.js';

for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.dbPath}${suffix}`, { force: true });
const db = openDatabase(config.dbPath, { seed: false });
const started = performance.now();
const summary = seedStore(db);
const ms = Math.round(performance.now() - started);
db.close();
process.stdout.write(`${JSON.stringify({ dbPath: config.dbPath, seedMs: ms, ...summary }, null, 2)}\n`);
