// Payments: paying for an order, payment lookups, refunds, and the accepted payment methods.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { PaymentMethod } from '../models/enums.js';
import { currentUser, requireAdmin } from '../lib/auth.js';
import { idParamSchema } from '../lib/helpers.js';
import * as payments from '../services/payment-service.js';

export function registerPaymentsController(app: FastifyInstance, db: Db): void {
  app.get('/api/payment-methods', async () => ({ items: payments.paymentMethods() }));

  app.post<{ Body: { orderId: number; method: PaymentMethod; cardNumber?: string } }>(
    '/api/payments',
    {
      schema: {
        body: {
          type: 'object',
          required: ['orderId', 'method'],
          additionalProperties: false,
          properties: {
            orderId: { type: 'integer', minimum: 1 },
            method: { type: 'string', enum: Object.values(PaymentMethod) },
            cardNumber: { type: 'string', pattern: '^[0-9]{12,19}$' },
          },
        },
      },
    },
    async (request, reply) => reply.code(201).send(payments.pay(db, currentUser(db, request), request.body)),
  );

  app.get<{ Params: { id: number } }>(
    '/api/payments/:id',
    { schema: { params: idParamSchema } },
    async (request) => payments.getPayment(db, currentUser(db, request), request.params.id),
  );

  app.get<{ Params: { id: number } }>(
    '/api/orders/:id/payments',
    { schema: { params: idParamSchema } },
    async (request) => ({
      items: payments.paymentsForOrder(db, currentUser(db, request), request.params.id),
    }),
  );

  app.post<{ Params: { id: number } }>(
    '/api/payments/:id/refund',
    { schema: { params: idParamSchema } },
    async (request) => {
      requireAdmin(db, request);
      return payments.refundPayment(db, request.params.id);
    },
  );
}
