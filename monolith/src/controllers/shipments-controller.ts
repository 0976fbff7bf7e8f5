// Fulfillment: shipment tracking for shoppers, and dispatch and delivery for the warehouse (admins).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { ShipmentStatus } from '../models/enums.js';
import { currentUser, requireAdmin } from '../lib/auth.js';
import { idParamSchema, pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as fulfillment from '../services/fulfillment-service.js';

export function registerShipmentsController(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: PageQuery & { status?: ShipmentStatus } }>(
    '/api/shipments',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { ...pageQuerySchema, status: { type: 'string', enum: Object.values(ShipmentStatus) } },
        },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      return fulfillment.listShipments(db, request.query);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/shipments/:id',
    { schema: { params: idParamSchema } },
    async (request) => fulfillment.getShipment(db, currentUser(db, request), request.params.id),
  );

  app.get<{ Params: { id: number } }>(
    '/api/orders/:id/shipments',
    { schema: { params: idParamSchema } },
    async (request) => ({
      items: fulfillment.shipmentsForOrder(db, currentUser(db, request), request.params.id),
    }),
  );

  app.post<{ Params: { id: number } }>(
    '/api/shipments/:id/dispatch',
    { schema: { params: idParamSchema } },
    async (request) => fulfillment.dispatchShipment(db, requireAdmin(db, request), request.params.id),
  );

  app.post<{ Params: { id: number } }>(
    '/api/shipments/:id/deliver',
    { schema: { params: idParamSchema } },
    async (request) => fulfillment.deliverShipment(db, requireAdmin(db, request), request.params.id),
  );
}
