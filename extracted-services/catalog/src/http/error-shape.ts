// Installs the monolith's JSON error shape on a fastify app, so 400/404/500 bodies are byte-for-byte the same.
import type { FastifyInstance } from 'fastify';
import { ServiceError } from './service-error.js';

// The monolith's status → code table (monolith/src/app.ts); clients match on these codes.
const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

export function installErrorShape(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ServiceError) {
      return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message } });
    }
    const err = error as { statusCode?: number; validation?: unknown; message?: string };
    const status = err.statusCode ?? 500;
    if (err.validation !== undefined) {
      return reply
        .code(400)
        .send({ error: { code: 'VALIDATION_FAILED', message: err.message ?? 'Invalid input.' } });
    }
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ error: { code: CODES[status] ?? 'BAD_REQUEST', message: err.message ?? '' } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong.' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url}.` } }),
  );
}
