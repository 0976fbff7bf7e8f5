// The catalog service's composition root: fastify with the monolith's error shape, health, and the catalog routes.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from './db/open-catalog-db.js';
import { registerCatalogRoutes } from './http/catalog-routes.js';
import { installErrorShape } from './http/error-shape.js';
import { registerHealthRoutes } from './http/health-routes.js';

export interface BuildAppOptions {
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** Close the database when the app closes (default true). */
  closeDatabase?: boolean;
}

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  installErrorShape(app);
  registerHealthRoutes(app, options.db);
  registerCatalogRoutes(app, options.db);
  if (options.closeDatabase !== false) app.addHook('onClose', async () => options.db.close());
  return app;
}
