// Process entry: the catalog service on HOST:PORT (127.0.0.1:4002) over CATALOG_DB, optionally re-syncing its copy
// from the monolith's database at CATALOG_SYNC_FROM every CATALOG_SYNC_EVERY_MS.
import pino from 'pino';
import { startCatalogService } from './start-catalog-service.js';

const logger = pino({ name: 'catalog-service' });
const options = {
  dbPath: process.env.CATALOG_DB ?? process.env.DB ?? 'data/catalog.sqlite',
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 4002),
  ...(process.env.CATALOG_SYNC_FROM !== undefined && process.env.CATALOG_SYNC_FROM !== ''
    ? {
        syncFrom: process.env.CATALOG_SYNC_FROM,
        syncEveryMs: Number(process.env.CATALOG_SYNC_EVERY_MS ?? 5000),
      }
    : {}),
};

try {
  const service = await startCatalogService({ ...options, logger: { name: 'catalog-service' } });
  logger.info({ url: service.url, db: options.dbPath }, 'catalog service listening');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void service.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  logger.error({ err: error }, 'catalog service failed to start');
  process.exitCode = 1;
}
