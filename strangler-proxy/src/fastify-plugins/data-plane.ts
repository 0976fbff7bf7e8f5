// Mounts the data plane on fastify: one catch-all route for every method, bodies left unread as streams.
import { METHODS } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestHandler } from '../forwarding/proxy-request.js';

export function registerDataPlane(app: FastifyInstance, handler: RequestHandler): void {
  const serve = (request: FastifyRequest, reply: FastifyReply): void => {
    // The handler writes to the raw response itself: fastify's reply pipeline would only add cost.
    reply.hijack();
    handler(request.raw, reply.raw);
  };
  // Every method Node parses (WebDAV included) is forwarded; CONNECT asks for a tunnel, which a path router is not.
  for (const method of METHODS) {
    if (method !== 'CONNECT' && !app.supportedMethods.includes(method))
      app.addHttpMethod(method, { hasBody: true });
  }
  // Bodies stream to the upstream untouched; the per-route limit is enforced while streaming, so fastify's own
  // parsers and body limit stay out of the way.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.all('*', serve);
}

/** fastify's router refuses some targets before any route runs; the data plane decides about those too. */
export function frameworkErrorsTo(
  handler: RequestHandler,
): (error: Error, request: FastifyRequest, reply: FastifyReply) => void {
  return (_error: Error, request: FastifyRequest, reply: FastifyReply): void => {
    reply.hijack();
    handler(request.raw, reply.raw);
  };
}
