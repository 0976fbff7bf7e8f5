// Catalog: the category tree and the products in a category (sub-categories included).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { ProductSort } from '../models/enums.js';
import { idParamSchema, pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as catalog from '../services/catalog-service.js';

export function registerCategoriesController(app: FastifyInstance, db: Db): void {
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
}
