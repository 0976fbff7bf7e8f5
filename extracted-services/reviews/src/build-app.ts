// The reviews service's composition root: fastify with the monolith's error shape, health, and the reviews routes.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from './db/open-reviews-db.js';
import { installErrorShape } from './http/error-shape.js';
import { registerHealthRoutes } from './http/health-routes.js';
import { registerReviewsRoutes } from './http/reviews-routes.js';
import type { UpstreamApis } from './upstream/upstream-apis.js';

export interface BuildAppOptions {
  db: Db;
  upstream: UpstreamApis;
  /** The clock review timestamps come from (default: the wall clock). */
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** Close the database when the app closes (default true). */
  closeDatabase?: boolean;
}

export function buildApp(options: BuildAppOptions): FastifyInstance {
  // fastify's default request serializer logs method and URL only, so tokens and cookies stay out of the logs.
  const app = Fastify({ logger: options.logger ?? false });
  installErrorShape(app);
  registerHealthRoutes(app, options.db);
  registerReviewsRoutes(app, {
    db: options.db,
    upstream: options.upstream,
    now: options.now ?? (() => new Date()),
  });
  if (options.closeDatabase !== false) app.addHook('onClose', async () => options.db.close());
  return app;
}
