// `PUT /routes/:id/flag`: a compare-and-set of one route's flag, with every refusal written to the audit trail.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkPromotion } from '../comparison/promotion-gate.js';
import { RouteEvidence } from '../comparison/evidence-book.js';
import type { EvidenceSummary } from '../comparison/evidence-book.js';
import type { RouteConfig } from '../config/ficus-config.js';
import type { FlagStore } from '../flag-stores/flag-store.js';
import { auditFrom, isStage, nextPercent, validateFlagChange } from '../flag-stores/flag-values.js';
import type { ProxyErrorCode } from '../errors.js';
import type { AuditEntry, FlagChange } from '../flags/route-flag.js';
import { sendError } from './admin-reply.js';
import type { FlagWriteBody } from './flag-write-schema.js';
import { etagFor, parseIfMatch } from './route-view.js';

export interface FlagWriteContext {
  readonly store: FlagStore;
  readonly clock: () => number;
  /** The route's shadow evidence, for the promotion gate; absent = no evidence at all. */
  readonly evidence?: (routeId: string) => EvidenceSummary;
  /** Told about promotions forced past the gate (they are audited through the write's reason too). */
  readonly onForced?: (routeId: string, actor: string, missing: readonly string[]) => void;
}

/** Audits a refused write and answers it; `body` is whatever was sent, possibly invalid. */
export async function refuseWrite(
  ctx: FlagWriteContext,
  reply: FastifyReply,
  refusal: {
    readonly routeId: string;
    readonly actor: string;
    readonly result: AuditEntry['result'];
    readonly code: ProxyErrorCode;
    readonly message: string;
    readonly body: unknown;
    /** More fields for the error body (the gate's verdict). */
    readonly extra?: Record<string, unknown>;
  },
): Promise<FastifyReply> {
  const requested = requestedTo(refusal.body);
  const current = await ctx.store.get(refusal.routeId);
  await ctx.store.appendAudit({
    at: new Date(ctx.clock()).toISOString(),
    routeId: refusal.routeId,
    actor: refusal.actor,
    from: auditFrom(current),
    to: requested,
    reason: requested === null ? '' : reasonOf(refusal.body),
    result: refusal.result,
    detail: refusal.message,
  });
  return sendError(reply, refusal.code, refusal.message, refusal.extra);
}

/** Written: the caller answers with the route. Not written: the refusal has already been sent and audited. */
export type PutFlagOutcome =
  { readonly written: true; readonly version: number } | { readonly written: false };

export async function putFlag(
  ctx: FlagWriteContext,
  route: RouteConfig,
  actor: string,
  request: FastifyRequest<{ Body: FlagWriteBody }>,
  reply: FastifyReply,
): Promise<PutFlagOutcome> {
  const refused = async (refusal: Parameters<typeof refuseWrite>[2]): Promise<PutFlagOutcome> => {
    await refuseWrite(ctx, reply, refusal);
    return { written: false };
  };
  const body = request.body;
  const problems = validateFlagChange(body);
  if (problems.length > 0) {
    return refused({
      routeId: route.id,
      actor,
      result: 'invalid',
      code: 'FICUS_PROXY_ADMIN_INVALID_REQUEST',
      message: problems.join('; '),
      body,
    });
  }
  const ifMatch = request.headers['if-match'];
  if (ifMatch === undefined) {
    const message = 'If-Match: <version> is required (read the route first; 0 when it has no flag yet)';
    return refused({
      routeId: route.id,
      actor,
      result: 'invalid',
      code: 'FICUS_PROXY_ADMIN_IF_MATCH_REQUIRED',
      message,
      body,
    });
  }
  const expected = parseIfMatch(ifMatch);
  if (expected === null) {
    const message = `If-Match must be one flag version such as "3", got ${JSON.stringify(ifMatch)}`;
    return refused({
      routeId: route.id,
      actor,
      result: 'invalid',
      code: 'FICUS_PROXY_ADMIN_INVALID_REQUEST',
      message,
      body,
    });
  }
  const current = await ctx.store.get(route.id);
  let reason = body.reason;
  // A stale If-Match is a conflict whatever the evidence: the store answers it below.
  if ((current?.version ?? 0) === expected) {
    const evidence = ctx.evidence?.(route.id) ?? new RouteEvidence(route.id).summary();
    const next = { stage: body.stage, percent: nextPercent(current, body) };
    const verdict = checkPromotion(current, next, evidence, route.gate);
    if (!verdict.passed && body.force !== true) {
      return refused({
        routeId: route.id,
        actor,
        result: 'gated',
        code: 'FICUS_PROXY_ADMIN_GATED',
        message:
          `moving route ${route.id} to ${body.stage} needs shadow evidence: ${verdict.missing.join('; ')} ` +
          '(send "force": true with a reason to override; it is audited)',
        body,
        extra: { gate: verdict },
      });
    }
    if (!verdict.passed) {
      reason = `${body.reason} [forced past the promotion gate: ${verdict.missing.join('; ')}]`;
      ctx.onForced?.(route.id, actor, verdict.missing);
    }
  }
  const change: FlagChange = {
    stage: body.stage,
    reason,
    ...(body.percent === undefined ? {} : { percent: body.percent }),
    ...(body.shadowPercent === undefined ? {} : { shadowPercent: body.shadowPercent }),
    // A route's first flag takes the route's configured sticky key unless the writer names one.
    ...(body.stickyBy !== undefined
      ? { stickyBy: body.stickyBy }
      : current === null
        ? { stickyBy: route.stickyBy }
        : {}),
  };
  const result = await ctx.store.set(route.id, change, expected, actor);
  if (result.ok) return { written: true, version: result.flag.version };
  if (result.reason === 'invalid') {
    sendError(reply, 'FICUS_PROXY_ADMIN_INVALID_REQUEST', result.problems.join('; '));
    return { written: false };
  }
  const found = result.current?.version ?? 0;
  reply.header('etag', etagFor(found));
  const message = `route ${route.id} is at version ${found}, If-Match said ${expected}`;
  sendError(reply, 'FICUS_PROXY_ADMIN_CONFLICT', message, { current: result.current });
  return { written: false };
}

function requestedTo(body: unknown): AuditEntry['to'] {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (!isStage(b.stage)) return null;
  return {
    stage: b.stage,
    percent: typeof b.percent === 'number' ? b.percent : 0,
    shadowPercent: typeof b.shadowPercent === 'number' ? b.shadowPercent : 0,
  };
}

function reasonOf(body: unknown): string {
  const reason = (body as Record<string, unknown>).reason;
  return typeof reason === 'string' ? reason.slice(0, 500) : '';
}
