// Pricing: promotion codes (listing, lookup, and creation by admins).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import type { NewPromotion } from '../models/promotion.js';
import { requireAdmin } from '../lib/auth.js';
import { pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as pricing from '../services/pricing-service.js';

export function registerPromotionsController(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: PageQuery & { all?: boolean } }>(
    '/api/promotions',
    {
      schema: {
        querystring: { type: 'object', properties: { ...pageQuerySchema, all: { type: 'boolean' } } },
      },
    },
    async (request) =>
      pricing.listPromotions(db, { ...request.query, activeOnly: request.query.all !== true }),
  );

  app.get<{ Params: { code: string } }>(
    '/api/promotions/:code',
    {
      schema: {
        params: { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Za-z0-9]{2,40}$' } } },
      },
    },
    async (request) => pricing.getPromotion(db, request.params.code),
  );

  app.post<{ Body: NewPromotion }>(
    '/api/promotions',
    {
      schema: {
        body: {
          type: 'object',
          required: ['code', 'description', 'percentOff'],
          additionalProperties: false,
          properties: {
            code: { type: 'string', pattern: '^[A-Za-z0-9]{2,40}$' },
            description: { type: 'string', minLength: 1, maxLength: 200 },
            percentOff: { type: 'integer', minimum: 1, maximum: 90 },
            minSubtotalCents: { type: 'integer', minimum: 0 },
            expiresAt: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
    async (request, reply) => {
      requireAdmin(db, request);
      return reply.code(201).send(pricing.createPromotion(db, request.body));
    },
  );
}
