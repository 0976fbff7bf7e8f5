// The catalog read routes the service takes over, with the monolith's paths and schemas. The admin write routes
// (POST, PATCH, DELETE /api/products...) stay with the monolith for now: see the package README.
import type { FastifyInstance } from 'fastify';
import * as catalog from '../catalog/catalog-queries.js';
import type { Db } from '../db/open-catalog-db.js';
import { idParamSchema, pageQuerySchema, ProductSort, type PageQuery } from './schemas.js';

export function registerCatalogRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: PageQuery & { category?: number; brand?: string; sort?: ProductSort } }>(
    '/api/products',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            ...pageQuerySchema,
            category: { type: 'integer', minimum: 1 },
            brand: { type: 'string', minLength: 1 },
            sort: { type: 'string', enum: [...ProductSort] },
          },
        },
      },
    },
    async (request) => catalog.listProducts(db, request.query),
  );

  app.get<{ Params: { slug: string } }>(
    '/api/products/by-slug/:slug',
    {
      schema: {
        params: { type: 'object', properties: { slug: { type: 'string', pattern: '^[a-z0-9-]+$' } } },
      },
    },
    async (request) => catalog.getProductBySlug(db, request.params.slug),
  );

  app.get<{ Params: { id: number } }>(
    '/api/products/:id',
    { schema: { params: idParamSchema } },
    async (request) => catalog.getProduct(db, request.params.id),
  );

  app.get('/api/categories', async () => ({ items: catalog.listCategories(db) }));

  app.get<{ Params: { id: number } }>(
    '/api/categories/:id',
    { schema: { params: idParamSchema } },
    async (request) => catalog.getCategory(db, request.params.id),
  );

  app.get<{ Params: { id: number }; Querystring: PageQuery & { sort?: ProductSort } }>(
    '/api/categories/:id/products',
    {
      schema: {
        params: idParamSchema,
        querystring: {
          type: 'object',
          properties: { ...pageQuerySchema, sort: { type: 'string', enum: [...ProductSort] } },
        },
      },
    },
    async (request) => catalog.listCategoryProducts(db, request.params.id, request.query),
  );

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
