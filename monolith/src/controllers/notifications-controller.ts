// Notifications: the shopper's messages, and the outbox that admins (or a dispatcher job) drain.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { NotificationStatus } from '../models/enums.js';
import { currentUser, requireAdmin } from '../lib/auth.js';
import { idParamSchema, pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as notifications from '../services/notification-service.js';

export function registerNotificationsController(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: PageQuery }>(
    '/api/notifications',
    { schema: { querystring: { type: 'object', properties: pageQuerySchema } } },
    async (request) => notifications.notificationsForUser(db, currentUser(db, request).id, request.query),
  );

  app.get<{ Querystring: PageQuery & { status?: NotificationStatus } }>(
    '/api/notifications/outbox',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            ...pageQuerySchema,
            status: { type: 'string', enum: Object.values(NotificationStatus) },
          },
        },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      return notifications.outbox(db, request.query);
    },
  );

  app.post<{ Body: { limit?: number } }>(
    '/api/notifications/outbox/dispatch',
    {
      // The body is optional: a bare POST means the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 500 } },
        },
      },
    },
    async (request) => {
      requireAdmin(db, request);
      return notifications.dispatchPending(db, request.body?.limit ?? 50);
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/notifications/outbox/:id/dispatch',
    { schema: { params: idParamSchema } },
    async (request) => {
      requireAdmin(db, request);
      return notifications.dispatchNotification(db, request.params.id);
    },
  );
}
