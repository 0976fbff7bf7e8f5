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
import type { ProxyErrorCode } from '../errors.js';
import type { FlagStore } from '../flag-stores/flag-store.js';
import type { AuditEntry } from '../flags/route-flag.js';
import { LOG_EVENTS } from '../observability/names.js';
import { sendError } from './admin-reply.js';
import { actorOf, authenticate, mayFlip } from './authorize.js';
import { FLAG_WRITE_SCHEMA } from './flag-write-schema.js';
import type { FlagWriteBody } from './flag-write-schema.js';
import { diffsView } from './diffs-view.js';
import { putFlag, refuseWrite } from './put-flag.js';
import type { FlagWriteContext } from './put-flag.js';
import { EVIDENCE_RESET_SCHEMA, refuseReset, resetEvidence } from './reset-evidence.js';
import type { EvidenceResetBody, EvidenceResetContext } from './reset-evidence.js';
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
const EVIDENCE_RESET_URL = '/routes/:id/diffs';
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
  const reset = runtime.resetEvidence?.bind(runtime);
  const resetCtx: EvidenceResetContext | null =
    reset === undefined ? null : { store, clock: ctx.clock, evidence: evidenceOf, reset };

  // Our own ajv, not fastify's default: no type coercion and no silent removal of unknown fields.
  const ajv = new Ajv({ allErrors: true, strict: true });
  app.setValidatorCompiler(({ schema }) => ajv.compile(schema));

  const isFlagWrite = (request: FastifyRequest): boolean =>
    request.method === 'PUT' && request.routeOptions.url === FLAG_WRITE_URL;
  const isEvidenceReset = (request: FastifyRequest): boolean =>
    request.method === 'DELETE' && request.routeOptions.url === EVIDENCE_RESET_URL;
  const actor = (request: FastifyRequest): string => actorOf(callers.get(request) ?? null);
  /** Answers a refusal; refused writes (flag writes, evidence resets) are audited too, refused reads are not. */
  const refuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result: AuditEntry['result'],
    code: ProxyErrorCode,
    message: string,
  ): Promise<FastifyReply> => {
    const routeId = (request.params as { id: string }).id;
    const refusal = { routeId, actor: actor(request), result, code, message, body: request.body };
    if (isFlagWrite(request)) return refuseWrite(ctx, reply, refusal);
    if (isEvidenceReset(request) && resetCtx !== null) return refuseReset(resetCtx, reply, refusal);
    return sendError(reply, code, message);
  };
  /** Before body validation: an unknown route or a foreign team is told so whatever the body holds. */
  const ownersOnly = async (request: IdRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const route = routes.get(request.params.id);
    const token = callers.get(request) ?? null;
    if (route === undefined) {
      const message = `no route with id ${JSON.stringify(request.params.id)} in the config`;
      return refuse(request, reply, 'invalid', 'FICUS_PROXY_ADMIN_NOT_FOUND', message);
    }
    if (token === null || !mayFlip(token, route)) {
      const message = `${actor(request)} may not change route ${route.id} (owned by team ${route.owner})`;
      return refuse(request, reply, 'forbidden', 'FICUS_PROXY_ADMIN_FORBIDDEN', message);
    }
    return undefined;
  };
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
    return refuse(request, reply, 'unauthenticated', 'FICUS_PROXY_ADMIN_UNAUTHENTICATED', message);
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error.validation !== undefined || (error.statusCode !== undefined && error.statusCode < 500)) {
      const message = error.validation === undefined ? error.message : validationMessage(error);
      return refuse(request, reply, 'invalid', 'FICUS_PROXY_ADMIN_INVALID_REQUEST', message);
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
    { schema: { body: FLAG_WRITE_SCHEMA }, preValidation: ownersOnly },
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

  // Only a data plane that can forget evidence offers the reset; without it the path answers 404.
  if (resetCtx !== null) {
    app.delete<{ Params: { id: string }; Body: EvidenceResetBody }>(
      EVIDENCE_RESET_URL,
      { schema: { body: EVIDENCE_RESET_SCHEMA }, preValidation: ownersOnly },
      async (request, reply) => {
        const { reason } = request.body;
        if (reason.trim() === '') {
          return refuse(
            request,
            reply,
            'invalid',
            'FICUS_PROXY_ADMIN_INVALID_REQUEST',
            'reason: must not be empty',
          );
        }
        const view = await resetEvidence(resetCtx, request.params.id, actor(request), reason);
        request.log.info(
          { routeId: view.routeId, actor: actor(request), reason, cleared: view.cleared },
          LOG_EVENTS.evidenceReset,
        );
        return view;
      },
    );
  }

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
