// Catalog: product listing and product pages; admins create, edit and discontinue products.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { ProductSort } from '../models/enums.js';
import type { NewProduct, ProductChanges } from '../models/product.js';
import { requireAdmin } from '../lib/auth.js';
import { idParamSchema, pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as catalog from '../services/catalog-service.js';

const productFields = {
  name: { type: 'string', minLength: 2, maxLength: 200 },
  description: { type: 'string', maxLength: 2000 },
  brand: { type: 'string', minLength: 1, maxLength: 100 },
  categoryId: { type: 'integer', minimum: 1 },
} as const;

export function registerProductsController(app: FastifyInstance, db: Db): void {
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

  app.post<{ Body: NewProduct }>(
    '/api/products',
    {
      schema: {
        body: {
          type: 'object',
          required: ['sku', 'name', 'description', 'brand', 'categoryId', 'listPriceCents'],
          additionalProperties: false,
          properties: {
            ...productFields,
            sku: { type: 'string', pattern: '^[A-Z0-9-]{3,40}$' },
            listPriceCents: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request, reply) => {
      requireAdmin(db, request);
      return reply.code(201).send(catalog.createProduct(db, request.body));
    },
  );

  app.patch<{ Params: { id: number }; Body: ProductChanges }>(
    '/api/products/:id',
    {
      schema: {
        params: idParamSchema,
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: productFields },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      return catalog.updateProduct(db, request.params.id, request.body);
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/products/:id',
    { schema: { params: idParamSchema } },
    async (request, reply) => {
      requireAdmin(db, request);
      catalog.discontinueProduct(db, request.params.id);
      return reply.code(204).send();
    },
  );
}
