// `DELETE /routes/:id/diffs`: clears a route's shadow evidence so it is collected afresh, audited like a flag write.
import type { FastifyReply } from 'fastify';
import type { EvidenceSummary } from '../comparison/evidence-book.js';
import type { ProxyErrorCode } from '../errors.js';
import type { FlagStore } from '../flag-stores/flag-store.js';
import { auditFrom } from '../flag-stores/flag-values.js';
import type { AuditEntry } from '../flags/route-flag.js';
import { sendError } from './admin-reply.js';

export interface EvidenceResetBody {
  readonly reason: string;
}

export const EVIDENCE_RESET_SCHEMA = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } },
} as const;

/** The counts a reset threw away: what the old evidence said when it was cleared. */
export interface ClearedEvidence {
  readonly compared: number;
  readonly matched: number;
  readonly mismatched: number;
  readonly failed: number;
}

/** The body of a successful `DELETE /routes/:id/diffs`. */
export interface EvidenceResetView {
  readonly routeId: string;
  readonly cleared: ClearedEvidence;
}

export interface EvidenceResetContext {
  readonly store: FlagStore;
  readonly clock: () => number;
  readonly evidence: (routeId: string) => EvidenceSummary;
  readonly reset: (routeId: string) => void;
}

/** Audits a refused reset and answers it; `body` is whatever was sent, possibly invalid. */
export async function refuseReset(
  ctx: EvidenceResetContext,
  reply: FastifyReply,
  refusal: {
    readonly routeId: string;
    readonly actor: string;
    readonly result: AuditEntry['result'];
    readonly code: ProxyErrorCode;
    readonly message: string;
    readonly body: unknown;
  },
): Promise<FastifyReply> {
  const { routeId, actor, result, message } = refusal;
  await audit(ctx, { routeId, actor, result, reason: reasonOf(refusal.body), detail: message });
  return sendError(reply, refusal.code, message);
}

export async function resetEvidence(
  ctx: EvidenceResetContext,
  routeId: string,
  actor: string,
  reason: string,
): Promise<EvidenceResetView> {
  const { compared, matched, mismatched, failed } = ctx.evidence(routeId);
  const cleared = { compared, matched, mismatched, failed };
  // The trail is written first: when the store cannot record the reset (unreadable, locked), nothing is cleared.
  // Comparisons that land while it is written are cleared too, without being counted in `cleared`.
  const detail = `cleared ${compared} compared, ${matched} matched, ${mismatched} mismatched, ${failed} failed`;
  await audit(ctx, { routeId, actor, result: 'ok', reason, detail });
  ctx.reset(routeId);
  return { routeId, cleared };
}

async function audit(
  ctx: EvidenceResetContext,
  entry: Pick<AuditEntry, 'routeId' | 'actor' | 'result' | 'reason' | 'detail'>,
): Promise<void> {
  const current = await ctx.store.get(entry.routeId);
  await ctx.store.appendAudit({
    at: new Date(ctx.clock()).toISOString(),
    routeId: entry.routeId,
    actor: entry.actor,
    from: auditFrom(current),
    to: null,
    reason: entry.reason,
    result: entry.result,
    ...(entry.detail === undefined ? {} : { detail: entry.detail }),
    action: 'reset-evidence',
  });
}

function reasonOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const reason = (body as Record<string, unknown>).reason;
  return typeof reason === 'string' ? reason.slice(0, 500) : '';
}
