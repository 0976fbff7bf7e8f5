// Catalog: full-text-ish product search by name, brand or SKU.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { ProductSort } from '../models/enums.js';
import { pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as catalog from '../services/catalog-service.js';

export function registerSearchController(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: PageQuery & { q: string; sort?: ProductSort } }>(
    '/api/search',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            ...pageQuerySchema,
            q: { type: 'string', minLength: 1, maxLength: 100 },
            sort: { type: 'string', enum: [...ProductSort] },
          },
        },
      },
    },
    async (request) => catalog.searchProducts(db, request.query.q, request.query),
  );
}
