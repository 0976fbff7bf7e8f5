// Starts the store on HOST:PORT (127.0.0.1:3000) with the database at MONOLITH_DB, seeding it on first start.
import { buildApp } from './app.js';
import { config } from './config.js';
import { openDatabase } from './db/connection.js';

const db = openDatabase(config.dbPath);
const app = buildApp({ db, logger: true });

try {
  const url = await app.listen({ host: config.host, port: config.port });
  app.log.info({ url, db: config.dbPath }, `store listening on ${url}`);
} catch (error) {
  app.log.error({ err: error }, 'store failed to start');
  process.exitCode = 1;
  await app.close();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
