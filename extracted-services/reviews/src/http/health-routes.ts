// Liveness and readiness: `/healthz` answers while the process runs, `/readyz` once the database answers a query.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/open-reviews-db.js';

export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      db.prepare('SELECT 1').get();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'not ready', reason: 'database' });
    }
  });
}
