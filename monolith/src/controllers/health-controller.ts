// Liveness: answers when the process is up and the database answers a query.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';

export function registerHealthController(app: FastifyInstance, db: Db): void {
  app.get('/healthz', async () => {
    db.prepare('SELECT 1').get();
    return { status: 'ok' };
  });
}
