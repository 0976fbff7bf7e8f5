// Builds the store's fastify app: one database, every controller, one JSON error shape.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from './db/connection.js';
import { AppError } from './lib/errors.js';
import { registerAccountsController } from './controllers/accounts-controller.js';
import { registerSessionsController } from './controllers/sessions-controller.js';
import { registerProductsController } from './controllers/products-controller.js';
import { registerCategoriesController } from './controllers/categories-controller.js';
import { registerSearchController } from './controllers/search-controller.js';
import { registerPricingController } from './controllers/pricing-controller.js';
import { registerPromotionsController } from './controllers/promotions-controller.js';
import { registerInventoryController } from './controllers/inventory-controller.js';
import { registerCartController } from './controllers/cart-controller.js';
import { registerOrdersController } from './controllers/orders-controller.js';
import { registerPaymentsController } from './controllers/payments-controller.js';
import { registerFulfillmentCentersController } from './controllers/fulfillment-centers-controller.js';
import { registerShipmentsController } from './controllers/shipments-controller.js';
import { registerReviewsController } from './controllers/reviews-controller.js';
import { registerRecommendationsController } from './controllers/recommendations-controller.js';
import { registerNotificationsController } from './controllers/notifications-controller.js';
import { registerHealthController } from './controllers/health-controller.js';

export interface BuildAppOptions {
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** Called once per route as it is registered (method, URL). */
  onRoute?: (route: { method: string; url: string }) => void;
  /** Close the database when the app closes (default true). */
  closeDatabase?: boolean;
}

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { db } = options;
  const app = Fastify({ logger: options.logger ?? false });
  const onRoute = options.onRoute;
  if (onRoute !== undefined) {
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) onRoute({ method, url: route.url });
    });
  }

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message } });
    }
    const err = error as { statusCode?: number; validation?: unknown; message?: string };
    const status = err.statusCode ?? 500;
    if (err.validation !== undefined) {
      return reply
        .code(400)
        .send({ error: { code: 'VALIDATION_FAILED', message: err.message ?? 'Invalid input.' } });
    }
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ error: { code: CODES[status] ?? 'BAD_REQUEST', message: err.message ?? '' } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong.' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url}.` } }),
  );

  registerHealthController(app, db);
  registerAccountsController(app, db);
  registerSessionsController(app, db);
  registerProductsController(app, db);
  registerCategoriesController(app, db);
  registerSearchController(app, db);
  registerPricingController(app, db);
  registerPromotionsController(app, db);
  registerInventoryController(app, db);
  registerCartController(app, db);
  registerOrdersController(app, db);
  registerPaymentsController(app, db);
  registerFulfillmentCentersController(app, db);
  registerShipmentsController(app, db);
  registerReviewsController(app, db);
  registerRecommendationsController(app, db);
  registerNotificationsController(app, db);

  if (options.closeDatabase !== false) app.addHook('onClose', async () => db.close());
  return app;
}
