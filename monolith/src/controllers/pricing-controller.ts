// Pricing: a product's price, admin price changes, and quotes for arbitrary lines.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { requireAdmin } from '../lib/auth.js';
import * as pricing from '../services/pricing-service.js';

const productIdParams = {
  type: 'object',
  required: ['productId'],
  properties: { productId: { type: 'integer', minimum: 1 } },
} as const;

export function registerPricingController(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { productId: number } }>(
    '/api/prices/:productId',
    { schema: { params: productIdParams } },
    async (request) => pricing.getPrice(db, request.params.productId),
  );

  app.put<{
    Params: { productId: number };
    Body: { listPriceCents: number; salePriceCents?: number | null };
  }>(
    '/api/prices/:productId',
    {
      schema: {
        params: productIdParams,
        body: {
          type: 'object',
          required: ['listPriceCents'],
          additionalProperties: false,
          properties: {
            listPriceCents: { type: 'integer', minimum: 1 },
            salePriceCents: { type: ['integer', 'null'], minimum: 1 },
          },
        },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      const { listPriceCents, salePriceCents } = request.body;
      return pricing.setPrice(db, request.params.productId, listPriceCents, salePriceCents ?? null);
    },
  );

  app.post<{ Body: { items: { productId: number; quantity: number }[]; promoCode?: string } }>(
    '/api/pricing/quote',
    {
      schema: {
        body: {
          type: 'object',
          required: ['items'],
          additionalProperties: false,
          properties: {
            items: {
              type: 'array',
              minItems: 1,
              maxItems: 50,
              items: {
                type: 'object',
                required: ['productId', 'quantity'],
                additionalProperties: false,
                properties: {
                  productId: { type: 'integer', minimum: 1 },
                  quantity: { type: 'integer', minimum: 1, maximum: 100 },
                },
              },
            },
            promoCode: { type: 'string', minLength: 1, maxLength: 40 },
          },
        },
      },
    },
    async (request) => pricing.quote(db, request.body.items, request.body.promoCode ?? null),
  );
}
