// Inventory: availability per product, stock changes by admins, and the low-stock report.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { requireAdmin } from '../lib/auth.js';
import { pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as inventory from '../services/inventory-service.js';

const productParams = {
  type: 'object',
  required: ['productId'],
  properties: { productId: { type: 'integer', minimum: 1 } },
} as const;

const productCenterParams = {
  type: 'object',
  required: ['productId', 'centerId'],
  properties: { productId: { type: 'integer', minimum: 1 }, centerId: { type: 'integer', minimum: 1 } },
} as const;

export function registerInventoryController(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: PageQuery & { threshold?: number } }>(
    '/api/inventory/low-stock',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { ...pageQuerySchema, threshold: { type: 'integer', minimum: 0 } },
        },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      return inventory.lowStock(db, request.query);
    },
  );

  app.get<{ Params: { productId: number } }>(
    '/api/inventory/:productId',
    { schema: { params: productParams } },
    async (request) => inventory.getAvailability(db, request.params.productId),
  );

  app.put<{ Params: { productId: number; centerId: number }; Body: { quantity: number } }>(
    '/api/inventory/:productId/centers/:centerId',
    {
      schema: {
        params: productCenterParams,
        body: {
          type: 'object',
          required: ['quantity'],
          additionalProperties: false,
          properties: { quantity: { type: 'integer', minimum: 0, maximum: 1000000 } },
        },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      return inventory.setStock(db, request.params.productId, request.params.centerId, request.body.quantity);
    },
  );

  app.post<{ Params: { productId: number }; Body: { centerId: number; delta: number } }>(
    '/api/inventory/:productId/adjustments',
    {
      schema: {
        params: productParams,
        body: {
          type: 'object',
          required: ['centerId', 'delta'],
          additionalProperties: false,
          properties: {
            centerId: { type: 'integer', minimum: 1 },
            delta: { type: 'integer', minimum: -100000, maximum: 100000, not: { const: 0 } },
          },
        },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      return inventory.adjustStock(db, request.params.productId, request.body.centerId, request.body.delta);
    },
  );
}
