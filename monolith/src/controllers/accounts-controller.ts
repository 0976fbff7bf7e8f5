// Accounts: sign-up, the signed-in user's profile and address book, and admin account lookup.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { currentUser, requireAdmin } from '../lib/auth.js';
import { idParamSchema } from '../lib/helpers.js';
import * as accounts from '../services/account-service.js';

const email = { type: 'string', format: 'email', maxLength: 200 } as const;
const password = { type: 'string', minLength: 8, maxLength: 200 } as const;
const name = { type: 'string', minLength: 1, maxLength: 100 } as const;

export function registerAccountsController(app: FastifyInstance, db: Db): void {
  app.post<{ Body: { email: string; password: string; name: string } }>(
    '/api/accounts/signup',
    {
      schema: {
        body: {
          type: 'object',
          required: ['email', 'password', 'name'],
          additionalProperties: false,
          properties: { email, password, name },
        },
      },
    },
    async (request, reply) => reply.code(201).send(accounts.signUp(db, request.body)),
  );

  app.get('/api/accounts/me', async (request) => accounts.getAccount(db, currentUser(db, request).id));

  app.patch<{ Body: { name?: string } }>(
    '/api/accounts/me',
    {
      schema: {
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { name } },
      },
    },
    async (request) => accounts.updateProfile(db, currentUser(db, request).id, request.body),
  );

  app.put<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/accounts/me/password',
    {
      schema: {
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: { currentPassword: { type: 'string', minLength: 1 }, newPassword: password },
        },
      },
    },
    async (request) => {
      const user = currentUser(db, request);
      return accounts.changePassword(
        db,
        user.id,
        user.sessionToken,
        request.body.currentPassword,
        request.body.newPassword,
      );
    },
  );

  app.get('/api/accounts/me/addresses', async (request) => ({
    items: accounts.listAddresses(db, currentUser(db, request).id),
  }));

  app.post<{ Body: { line1: string; city: string; postalCode: string; country: string } }>(
    '/api/accounts/me/addresses',
    {
      schema: {
        body: {
          type: 'object',
          required: ['line1', 'city', 'postalCode', 'country'],
          additionalProperties: false,
          properties: {
            line1: { type: 'string', minLength: 1, maxLength: 200 },
            city: { type: 'string', minLength: 1, maxLength: 100 },
            postalCode: { type: 'string', minLength: 2, maxLength: 20 },
            country: { type: 'string', pattern: '^[A-Z]{2}$' },
          },
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(accounts.addAddress(db, currentUser(db, request).id, request.body)),
  );

  app.delete<{ Params: { id: number } }>(
    '/api/accounts/me/addresses/:id',
    { schema: { params: idParamSchema } },
    async (request, reply) => {
      accounts.removeAddress(db, currentUser(db, request).id, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/accounts/:id',
    { schema: { params: idParamSchema } },
    async (request) => {
      requireAdmin(db, request);
      return accounts.getAccount(db, request.params.id);
    },
  );
}
