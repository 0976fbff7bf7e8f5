// One request to one upstream, streamed straight into the client response through undici's dispatch API.
//
// The dispatch handler (rather than `pool.request`) keeps the hot path lean: no body stream object, no parsed header
// object, no AbortController; raw upstream headers are filtered and written as one flat array. A response the caller
// wants to retry or re-serve elsewhere is "held": never written to the client, its body read and dropped.
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { FailureKind, RequestRecord } from '../observability/request-record.js';
import type { HeaderObject } from './hop-by-hop.js';
import { responseHeaderPairs } from './hop-by-hop.js';

export interface UpstreamCall {
  readonly method: string;
  /** Canonical path plus the original query string. */
  readonly path: string;
  readonly headers: HeaderObject;
  readonly body: Readable | null;
  /**
   * Milliseconds until the response headers must have arrived (queueing and connecting count), and then the longest
   * silence allowed between two response body chunks.
   */
  readonly timeoutMs: number;
  /** True once a streamed request body was cut off for exceeding the route's limit. */
  readonly bodyTooLarge: () => boolean;
  /** Sees the response streamed to the client (shadowed requests only: it is the monolith's half of a comparison). */
  readonly tap?: ResponseTap;
}

/**
 * A read-only observer of the response the client gets. It must not throw and must stay cheap: it runs on the
 * client's path. `onHeaders` may come again after a retry; it starts the recording over. A response that never
 * completes is noticed by the tap's owner when the client response closes.
 */
export interface ResponseTap {
  onHeaders(statusCode: number, rawHeaders: Buffer[]): void;
  onData(chunk: Buffer): void;
  onComplete(): void;
}

/** Why a response is held back: the caller will retry it, or re-serve the request from the monolith. */
export type HoldReason = 'retry' | 'fallback';

export type ExchangeResult =
  | { readonly kind: 'streamed'; readonly statusCode: number }
  | { readonly kind: 'held'; readonly statusCode: number; readonly reason: HoldReason }
  | { readonly kind: 'failed'; readonly failure: FailureKind };

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function classify(error: unknown): FailureKind {
  const code = (error as { code?: string } | null)?.code ?? '';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (CONNECT_CODES.has(code)) return 'connect';
  // undici's "other side closed" before any response byte.
  if (code === 'UND_ERR_SOCKET') return 'reset';
  return 'bad-response';
}

class TimeoutError extends Error {
  readonly code = 'FICUS_DEADLINE';
}

/** undici's callback-style handler: it reaches the core without an adapter layer in between. */
class Exchange {
  #abort: ((error: Error) => void) | null = null;
  readonly #timer: NodeJS.Timeout;
  #settled = false;
  #mode: 'pending' | 'stream' | 'drop' | 'done' = 'pending';
  /** While the client is slow to read, the upstream's silence is not the upstream's fault. */
  #paused = false;
  #resume: (() => void) | null = null;
  readonly #onDrain = (): void => {
    this.#paused = false;
    this.#timer.refresh();
    this.#resume?.();
  };

  constructor(
    private readonly res: ServerResponse,
    private readonly call: UpstreamCall,
    private readonly reqId: string,
    private readonly hold: (statusCode: number) => HoldReason | null,
    private readonly record: RequestRecord,
    private readonly settle: (result: ExchangeResult) => void,
  ) {
    // One timer, our own rather than undici's headersTimeout/bodyTimeout: it covers queueing and connecting too,
    // and undici's coarse timers fire up to about a second late above one second. Armed until the headers arrive,
    // then re-armed by every body chunk.
    this.#timer = setTimeout(() => this.#expire(), call.timeoutMs);
  }

  #finish(result: ExchangeResult): void {
    if (this.#settled) return;
    this.#settled = true;
    this.settle(result);
  }

  #expire(): void {
    if (this.#paused) {
      this.#timer.refresh();
      return;
    }
    if (this.#mode === 'stream') {
      this.record.error = 'timeout';
      this.#mode = 'done';
      this.#abort?.(new TimeoutError('body'));
      // Mid-body there is no status left to change: cutting the connection is the only honest signal.
      this.res.destroy();
      return;
    }
    this.cancel('timeout');
  }

  /** Stops the upstream request (deadline passed, client gone); safe to call at any time. */
  cancel(failure: FailureKind): void {
    clearTimeout(this.#timer);
    if (this.#mode === 'done') return;
    this.#mode = 'done';
    this.#abort?.(new TimeoutError(failure));
    this.#finish({ kind: 'failed', failure });
  }

  onConnect(abort: (error: Error) => void): void {
    this.#abort = abort;
    if (this.#mode === 'done') abort(new TimeoutError('cancelled'));
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void): boolean {
    if (this.#mode === 'done') return false;
    if (statusCode < 200) return true; // 1xx interim responses are not relayed
    this.#timer.refresh();
    const reason = this.hold(statusCode);
    if (reason !== null) {
      this.#mode = 'drop';
      this.#finish({ kind: 'held', statusCode, reason });
      return true;
    }
    const headers = responseHeaderPairs(rawHeaders);
    headers.push('x-request-id', this.reqId);
    try {
      this.res.writeHead(statusCode, headers);
    } catch {
      // Node refuses header values it cannot send (control characters): the response is unusable, not ours to fix.
      this.#mode = 'drop';
      this.#finish({ kind: 'failed', failure: 'bad-response' });
      return true;
    }
    this.#mode = 'stream';
    this.#resume = resume;
    this.call.tap?.onHeaders(statusCode, rawHeaders);
    this.#finish({ kind: 'streamed', statusCode });
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.#mode === 'done') return true;
    this.#timer.refresh();
    if (this.#mode !== 'stream') return true;
    this.call.tap?.onData(chunk);
    if (this.res.write(chunk)) return true;
    this.#paused = true;
    this.res.once('drain', this.#onDrain);
    return false;
  }

  onComplete(): void {
    clearTimeout(this.#timer);
    if (this.#mode === 'stream') {
      this.call.tap?.onComplete();
      this.res.end();
    }
    this.#mode = 'done';
  }

  onError(error: Error): void {
    clearTimeout(this.#timer);
    const mode = this.#mode;
    this.#mode = 'done';
    if (mode === 'stream') {
      this.record.error = classify(error) === 'timeout' ? 'timeout' : 'bad-response';
      this.res.destroy();
      return;
    }
    if (this.#settled || error instanceof TimeoutError) return;
    this.#finish({ kind: 'failed', failure: this.call.bodyTooLarge() ? 'body-too-large' : classify(error) });
  }
}

export interface StartedExchange {
  readonly result: Promise<ExchangeResult>;
  cancel(failure: FailureKind): void;
}

export function startExchange(
  pool: Dispatcher,
  res: ServerResponse,
  call: UpstreamCall,
  reqId: string,
  hold: (statusCode: number) => HoldReason | null,
  record: RequestRecord,
): StartedExchange {
  let settle: (result: ExchangeResult) => void = () => {};
  const result = new Promise<ExchangeResult>((resolve) => {
    settle = resolve;
  });
  const exchange = new Exchange(res, call, reqId, hold, record, settle);
  pool.dispatch(
    {
      method: call.method as Dispatcher.HttpMethod,
      path: call.path,
      headers: call.headers,
      body: call.body,
      // Both are enforced by the exchange's own timer.
      bodyTimeout: 0,
      headersTimeout: 0,
    },
    exchange as unknown as Dispatcher.DispatchHandler,
  );
  return { result, cancel: (failure) => exchange.cancel(failure) };
}
