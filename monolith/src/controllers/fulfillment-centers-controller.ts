// Fulfillment: the fulfillment centers and what each one holds.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { idParamSchema, pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as fulfillment from '../services/fulfillment-service.js';

export function registerFulfillmentCentersController(app: FastifyInstance, db: Db): void {
  app.get('/api/fulfillment-centers', async () => ({ items: fulfillment.listCenters(db) }));

  app.get<{ Params: { id: number } }>(
    '/api/fulfillment-centers/:id',
    { schema: { params: idParamSchema } },
    async (request) => fulfillment.getCenter(db, request.params.id),
  );

  app.get<{ Params: { id: number }; Querystring: PageQuery }>(
    '/api/fulfillment-centers/:id/stock',
    { schema: { params: idParamSchema, querystring: { type: 'object', properties: pageQuerySchema } } },
    async (request) => fulfillment.centerStock(db, request.params.id, request.query),
  );
}
