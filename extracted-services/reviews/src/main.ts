// Process entry: the reviews service on HOST:PORT (127.0.0.1:4001) over REVIEWS_DB, asking MONOLITH_URL for sessions.
import pino from 'pino';
import { startReviewsService } from './start-reviews-service.js';

const logger = pino({ name: 'reviews-service' });
const options = {
  dbPath: process.env.REVIEWS_DB ?? process.env.DB ?? 'data/reviews.sqlite',
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 4001),
  monolithUrl: process.env.MONOLITH_URL ?? 'http://127.0.0.1:3000',
  ...(process.env.CATALOG_URL !== undefined ? { catalogUrl: process.env.CATALOG_URL } : {}),
};

try {
  const service = await startReviewsService({ ...options, logger: { name: 'reviews-service' } });
  logger.info(
    { url: service.url, db: options.dbPath, monolithUrl: options.monolithUrl },
    'reviews service listening',
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void service.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  logger.error({ err: error }, 'reviews service failed to start');
  process.exitCode = 1;
}
