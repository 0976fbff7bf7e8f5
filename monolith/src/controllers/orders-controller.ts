// Orders: checkout, the shopper's order history and order pages, cancellation, and the admin order list.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { OrderStatus } from '../models/enums.js';
import { currentUser, requireAdmin } from '../lib/auth.js';
import { idParamSchema, pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as orders from '../services/order-service.js';

export function registerOrdersController(app: FastifyInstance, db: Db): void {
  app.post<{ Body: { addressId?: number } }>(
    '/api/orders',
    {
      // The body is optional: a bare POST means the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { addressId: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(db, request);
      return reply.code(201).send(orders.checkout(db, user.id, request.body ?? {}));
    },
  );

  app.get<{ Querystring: PageQuery }>(
    '/api/orders',
    { schema: { querystring: { type: 'object', properties: pageQuerySchema } } },
    async (request) => orders.listOrders(db, currentUser(db, request).id, request.query),
  );

  app.get<{ Params: { id: number } }>(
    '/api/orders/:id',
    { schema: { params: idParamSchema } },
    async (request) => orders.getOrderFor(db, currentUser(db, request), request.params.id),
  );

  app.post<{ Params: { id: number } }>(
    '/api/orders/:id/cancel',
    { schema: { params: idParamSchema } },
    async (request) => orders.cancelOrder(db, currentUser(db, request), request.params.id),
  );

  app.get<{ Querystring: PageQuery & { status?: OrderStatus } }>(
    '/api/admin/orders',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { ...pageQuerySchema, status: { type: 'string', enum: Object.values(OrderStatus) } },
        },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      return orders.listOrders(db, null, request.query);
    },
  );
}
