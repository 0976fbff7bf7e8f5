// The admin API (DESIGN.md §2): routes, flags, audit, metrics and health on a listener apart from the traffic port.
import { Ajv } from 'ajv';
import fastify from 'fastify';
import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { RouteEvidence } from '../comparison/evidence-book.js';
import type { FicusConfig, RouteConfig, TokenConfig } from '../config/ficus-config.js';
import { ProxyError } from '../errors.js';
import type { FlagStore } from '../flag-stores/flag-store.js';
import { LOG_EVENTS } from '../observability/names.js';
import { sendError } from './admin-reply.js';
import { actorOf, authenticate, mayFlip } from './authorize.js';
import { FLAG_WRITE_SCHEMA } from './flag-write-schema.js';
import type { FlagWriteBody } from './flag-write-schema.js';
import { diffsView } from './diffs-view.js';
import { putFlag, refuseWrite } from './put-flag.js';
import type { FlagWriteContext } from './put-flag.js';
import { etagFor, routeView } from './route-view.js';
import type { RouteView } from './route-view.js';
import type { RuntimeView } from './runtime-view.js';

export interface AdminAppDeps {
  readonly config: FicusConfig;
  readonly store: FlagStore;
  readonly runtime: RuntimeView;
  /** fastify's `logger` option, or a pino logger to use as is. Default: no logging. */
  readonly logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /** For audit times of refusals. Default `Date.now`. */
  readonly clock?: () => number;
}

/** Liveness and readiness answer without a token: orchestrators probe them. Everything else, `/metrics` included, needs one. */
const PUBLIC_PATHS = new Set(['/healthz', '/readyz']);
const FLAG_WRITE_URL = '/routes/:id/flag';
const MAX_AUDIT_LIMIT = 1000;

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export async function buildAdminApp(deps: AdminAppDeps): Promise<FastifyInstance> {
  const { config, store, runtime } = deps;
  const routes = new Map<string, RouteConfig>(config.routes.map((route) => [route.id, route]));
  const callers = new WeakMap<FastifyRequest, TokenConfig>();
  const app = fastify({ ...loggerOptions(deps.logger), bodyLimit: 64 * 1024 });
  const evidenceOf = (routeId: string) => runtime.evidence?.(routeId) ?? new RouteEvidence(routeId).summary();
  const ctx: FlagWriteContext = {
    store,
    clock: deps.clock ?? Date.now,
    evidence: evidenceOf,
    onForced: (routeId, actor, missing) =>
      app.log.warn({ routeId, actor, missing }, LOG_EVENTS.promotionForced),
  };

  // Our own ajv, not fastify's default: no type coercion and no silent removal of unknown fields.
  const ajv = new Ajv({ allErrors: true, strict: true });
  app.setValidatorCompiler(({ schema }) => ajv.compile(schema));

  const isFlagWrite = (request: FastifyRequest): boolean =>
    request.method === 'PUT' && request.routeOptions.url === FLAG_WRITE_URL;
  const actor = (request: FastifyRequest): string => actorOf(callers.get(request) ?? null);
  const render = async (route: RouteConfig): Promise<RouteView> =>
    routeView(route, await store.list(), runtime.currentFlags(), runtime.routeStats(route.id));

  app.addHook('onRequest', async (request, reply) => {
    if (PUBLIC_PATHS.has(request.url.split('?')[0] ?? '')) return;
    const token = authenticate(config.auth.tokens, request.headers.authorization);
    if (token !== null) {
      callers.set(request, token);
      return;
    }
    reply.header('www-authenticate', 'Bearer realm="ficus-admin"');
    const message = 'a valid `Authorization: Bearer <token>` is required';
    if (isFlagWrite(request)) {
      const routeId = (request.params as { id: string }).id;
      return refuseWrite(ctx, reply, {
        routeId,
        actor: 'anonymous',
        result: 'unauthenticated',
        code: 'FICUS_PROXY_ADMIN_UNAUTHENTICATED',
        message,
        body: null,
      });
    }
    return sendError(reply, 'FICUS_PROXY_ADMIN_UNAUTHENTICATED', message);
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error.validation !== undefined || (error.statusCode !== undefined && error.statusCode < 500)) {
      const message = error.validation === undefined ? error.message : validationMessage(error);
      if (isFlagWrite(request)) {
        const routeId = (request.params as { id: string }).id;
        return refuseWrite(ctx, reply, {
          routeId,
          actor: actor(request),
          result: 'invalid',
          code: 'FICUS_PROXY_ADMIN_INVALID_REQUEST',
          message,
          body: request.body,
        });
      }
      return sendError(reply, 'FICUS_PROXY_ADMIN_INVALID_REQUEST', message);
    }
    if (error instanceof ProxyError) return sendError(reply, error.code, error.message);
    request.log.error({ err: error }, 'admin request failed');
    return sendError(reply, 'FICUS_PROXY_ADMIN_INTERNAL', 'the admin API failed; see the proxy log');
  });

  app.setNotFoundHandler(async (request, reply) =>
    sendError(reply, 'FICUS_PROXY_ADMIN_NOT_FOUND', `no ${request.method} ${request.url.split('?')[0]} here`),
  );

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const readiness = await runtime.readiness();
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  app.get('/metrics', async (_request, reply) =>
    reply.type(runtime.metricsContentType).send(await runtime.metricsText()),
  );

  app.get('/routes', async () => {
    const [stored, applied] = [await store.list(), runtime.currentFlags()];
    return {
      routes: config.routes.map((route) => routeView(route, stored, applied, runtime.routeStats(route.id))),
    };
  });

  app.get('/routes/:id', async (request: IdRequest, reply) => {
    const route = routes.get(request.params.id);
    if (route === undefined) return unknownRoute(reply, request.params.id);
    const view = await render(route);
    return reply.header('etag', etagFor(view.version)).send(view);
  });

  app.put<{ Params: { id: string }; Body: FlagWriteBody }>(
    FLAG_WRITE_URL,
    {
      schema: { body: FLAG_WRITE_SCHEMA },
      // Before body validation: an unknown route or a foreign team is told so whatever the body holds.
      preValidation: async (request, reply) => {
        const route = routes.get(request.params.id);
        const token = callers.get(request) ?? null;
        if (route === undefined) {
          const message = `no route with id ${JSON.stringify(request.params.id)} in the config`;
          return refuseWrite(ctx, reply, {
            routeId: request.params.id,
            actor: actor(request),
            result: 'invalid',
            code: 'FICUS_PROXY_ADMIN_NOT_FOUND',
            message,
            body: request.body,
          });
        }
        if (token === null || !mayFlip(token, route)) {
          const message = `${actor(request)} may not change route ${route.id} (owned by team ${route.owner})`;
          return refuseWrite(ctx, reply, {
            routeId: route.id,
            actor: actor(request),
            result: 'forbidden',
            code: 'FICUS_PROXY_ADMIN_FORBIDDEN',
            message,
            body: request.body,
          });
        }
      },
    },
    async (request, reply) => {
      const route = routes.get(request.params.id) as RouteConfig;
      const outcome = await putFlag(ctx, route, actor(request), request, reply);
      if (!outcome.written) return reply;
      return reply.header('etag', etagFor(outcome.version)).send(await render(route));
    },
  );

  app.get('/routes/:id/diffs', async (request: IdRequest, reply) => {
    const route = routes.get(request.params.id);
    if (route === undefined) return unknownRoute(reply, request.params.id);
    return diffsView(route, await store.get(route.id), evidenceOf(route.id));
  });

  app.get(
    '/audit',
    async (request: FastifyRequest<{ Querystring: Record<string, string | undefined> }>, reply) => {
      const { route, limit } = request.query;
      const n = limit === undefined ? 100 : Number(limit);
      if (!Number.isSafeInteger(n) || n < 1 || n > MAX_AUDIT_LIMIT) {
        return sendError(
          reply,
          'FICUS_PROXY_ADMIN_INVALID_REQUEST',
          `limit: must be a whole number from 1 to ${MAX_AUDIT_LIMIT}`,
        );
      }
      return { entries: await store.audit({ ...(route === undefined ? {} : { routeId: route }), limit: n }) };
    },
  );

  return app;
}

function unknownRoute(reply: FastifyReply, id: string): FastifyReply {
  return sendError(
    reply,
    'FICUS_PROXY_ADMIN_NOT_FOUND',
    `no route with id ${JSON.stringify(id)} in the config`,
  );
}

function validationMessage(error: FastifyError): string {
  return (error.validation ?? [])
    .map((problem) => {
      const field = problem.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const missing = (problem.params as { missingProperty?: string }).missingProperty;
      const extra = (problem.params as { additionalProperty?: string }).additionalProperty;
      if (missing !== undefined) return `${missing}: is required`;
      if (extra !== undefined) return `${extra}: is not a known field`;
      return `${field === '' ? 'body' : field}: ${problem.message ?? 'is invalid'}`;
    })
    .join('; ');
}

function loggerOptions(
  logger: AdminAppDeps['logger'],
): Pick<FastifyServerOptions, 'logger' | 'loggerInstance'> {
  if (logger === undefined) return { logger: false };
  const isInstance = typeof logger === 'object' && typeof (logger as FastifyBaseLogger).child === 'function';
  return isInstance
    ? { loggerInstance: logger as FastifyBaseLogger }
    : { logger: logger as FastifyServerOptions['logger'] };
}
