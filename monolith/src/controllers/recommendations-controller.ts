// Recommendations: per product, per signed-in shopper, trending; admins pin products to each other.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { currentUser, requireAdmin } from '../lib/auth.js';
import { idParamSchema } from '../lib/helpers.js';
import * as recommendations from '../services/recommendation-service.js';

const limitQuery = {
  type: 'object',
  properties: { limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
} as const;

export function registerRecommendationsController(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { id: number }; Querystring: { limit: number } }>(
    '/api/recommendations/products/:id',
    { schema: { params: idParamSchema, querystring: limitQuery } },
    async (request) => ({ items: recommendations.forProduct(db, request.params.id, request.query.limit) }),
  );

  app.get<{ Querystring: { limit: number } }>(
    '/api/recommendations/me',
    { schema: { querystring: limitQuery } },
    async (request) => ({
      items: await recommendations.forUser(db, currentUser(db, request).id, request.query.limit),
    }),
  );

  app.get<{ Querystring: { limit: number } }>(
    '/api/recommendations/trending',
    { schema: { querystring: limitQuery } },
    async (request) => ({ items: await recommendations.trending(db, request.query.limit) }),
  );

  app.put<{ Params: { id: number }; Body: { recommendedProductId: number; weight: number } }>(
    '/api/recommendations/products/:id/pins',
    {
      schema: {
        params: idParamSchema,
        body: {
          type: 'object',
          required: ['recommendedProductId', 'weight'],
          additionalProperties: false,
          properties: {
            recommendedProductId: { type: 'integer', minimum: 1 },
            weight: { type: 'integer', minimum: 1, maximum: 1000 },
          },
        },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      const { recommendedProductId, weight } = request.body;
      return {
        items: recommendations.pinRecommendation(db, request.params.id, recommendedProductId, weight),
      };
    },
  );
}
