// One upstream try plus, within the upstream's retry budget, one retry of a replayable request.
import type { ServerResponse } from 'node:http';
import type { FailureKind, RequestRecord } from '../observability/request-record.js';
import { startExchange } from './exchange.js';
import type { ExchangeResult, HoldReason, StartedExchange, UpstreamCall } from './exchange.js';
import type { Upstream } from './upstream.js';

const RETRY_FAILURES = new Set<FailureKind>(['connect', 'reset']);

export interface TryContext {
  readonly res: ServerResponse;
  readonly call: UpstreamCall;
  readonly reqId: string;
  readonly replayable: boolean;
  readonly record: RequestRecord;
  /** The exchange in flight, cancelled if the client goes away. */
  current: StartedExchange | null;
}

/**
 * One try, plus one retry when the request is replayable, the failure is a connection failure or a 503, and the
 * upstream's retry budget allows it. A connection failure the budget refuses to retry becomes a 503.
 */
export async function tryUpstream(
  upstream: Upstream,
  fallbackHold: ((status: number) => boolean) | null,
  ctx: TryContext,
): Promise<ExchangeResult> {
  upstream.retryBudget.recordRequest();
  const holdForFallback = (status: number): HoldReason | null => (fallbackHold?.(status) ? 'fallback' : null);
  const holdForRetry = (status: number): HoldReason | null =>
    ctx.replayable && status === 503 && upstream.retryBudget.tryAcquire() ? 'retry' : holdForFallback(status);
  const first = await run(upstream, holdForRetry, ctx);
  if (first.kind === 'failed' && ctx.replayable && RETRY_FAILURES.has(first.failure)) {
    if (!upstream.retryBudget.tryAcquire()) return { kind: 'failed', failure: 'budget' };
  } else if (first.kind !== 'held' || first.reason !== 'retry') {
    return first;
  }
  ctx.record.retries += 1;
  return run(upstream, holdForFallback, ctx);
}

function run(
  upstream: Upstream,
  hold: (status: number) => HoldReason | null,
  ctx: TryContext,
): Promise<ExchangeResult> {
  if (ctx.res.destroyed) return Promise.resolve({ kind: 'failed', failure: 'reset' });
  ctx.current = startExchange(upstream.pool, ctx.res, ctx.call, ctx.reqId, hold, ctx.record);
  return ctx.current.result;
}
