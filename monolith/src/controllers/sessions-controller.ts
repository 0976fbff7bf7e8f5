// Accounts: logging in (a bearer token and a cookie) and out.
import type { FastifyInstance } from 'fastify';
import { config } from '../config.js';
import type { Db } from '../db/connection.js';
import { currentUser } from '../lib/auth.js';
import * as accounts from '../services/account-service.js';

export function registerSessionsController(app: FastifyInstance, db: Db): void {
  app.post<{ Body: { email: string; password: string } }>(
    '/api/sessions',
    {
      schema: {
        body: {
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: { email: { type: 'string', minLength: 3 }, password: { type: 'string', minLength: 1 } },
        },
      },
    },
    async (request, reply) => {
      const result = accounts.logIn(db, request.body.email, request.body.password);
      const maxAge = config.sessionTtlHours * 3600;
      reply.header(
        'set-cookie',
        `${config.sessionCookieName}=${result.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}`,
      );
      return reply.code(201).send(result);
    },
  );

  app.get('/api/sessions/current', async (request) => {
    const user = currentUser(db, request);
    return { user: accounts.getAccount(db, user.id) };
  });

  app.delete('/api/sessions/current', async (request, reply) => {
    accounts.logOut(db, currentUser(db, request).sessionToken);
    reply.header('set-cookie', `${config.sessionCookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return reply.code(204).send();
  });
}
