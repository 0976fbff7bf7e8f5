// Cart: the signed-in shopper's cart, its lines and its promotion code.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { currentUser } from '../lib/auth.js';
import * as cart from '../services/cart-service.js';

const productParams = {
  type: 'object',
  required: ['productId'],
  properties: { productId: { type: 'integer', minimum: 1 } },
} as const;

const quantity = { type: 'integer', minimum: 1, maximum: 1000 } as const;

export function registerCartController(app: FastifyInstance, db: Db): void {
  app.get('/api/cart', async (request) => cart.getCart(db, currentUser(db, request).id));

  app.post<{ Body: { productId: number; quantity?: number } }>(
    '/api/cart/items',
    {
      schema: {
        body: {
          type: 'object',
          required: ['productId'],
          additionalProperties: false,
          properties: { productId: { type: 'integer', minimum: 1 }, quantity },
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(db, request);
      return reply
        .code(201)
        .send(cart.addItem(db, user.id, request.body.productId, request.body.quantity ?? 1));
    },
  );

  app.patch<{ Params: { productId: number }; Body: { quantity: number } }>(
    '/api/cart/items/:productId',
    {
      schema: {
        params: productParams,
        body: {
          type: 'object',
          required: ['quantity'],
          additionalProperties: false,
          properties: { quantity },
        },
      },
    },
    async (request) =>
      cart.updateItem(db, currentUser(db, request).id, request.params.productId, request.body.quantity),
  );

  app.delete<{ Params: { productId: number } }>(
    '/api/cart/items/:productId',
    { schema: { params: productParams } },
    async (request) => cart.removeItem(db, currentUser(db, request).id, request.params.productId),
  );

  app.delete('/api/cart', async (request, reply) => {
    cart.clearCart(db, currentUser(db, request).id);
    return reply.code(204).send();
  });

  app.put<{ Body: { code: string } }>(
    '/api/cart/promo',
    {
      schema: {
        body: {
          type: 'object',
          required: ['code'],
          additionalProperties: false,
          properties: { code: { type: 'string', pattern: '^[A-Za-z0-9]{2,40}$' } },
        },
      },
    },
    async (request) => cart.applyPromoCode(db, currentUser(db, request).id, request.body.code),
  );

  app.delete('/api/cart/promo', async (request) => cart.removePromoCode(db, currentUser(db, request).id));
}
