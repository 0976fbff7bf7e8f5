// Sends shadow and noise copies on their own pools: own deadline, bounded response body.
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { RecordedResponse } from '../comparison/compare-responses.js';
import type { ShadowFailure } from '../comparison/evidence-book.js';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** A deadline timer this late means the thread was starved, not that the upstream was slow. */
const LATE_TIMER_MS = 10;
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'UND_ERR_SOCKET']);

export interface ShadowCopy {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer | null;
  readonly timeoutMs: number;
}

export type CopyResult =
  | { readonly ok: true; readonly response: RecordedResponse; readonly ms: number }
  | { readonly ok: false; readonly failure: ShadowFailure };

export interface ShadowSenderOptions {
  /** Connections per origin: as many as copies may be in flight. */
  readonly maxInFlight: number;
  readonly maxBodyBytes: number;
  readonly now: () => number;
}

export class ShadowSender {
  readonly #options: ShadowSenderOptions;
  /** Shadow pools are apart from the data plane's, so copies never queue in front of served requests. */
  readonly #pools = new Map<string, Pool>();
  #inFlight = 0;

  constructor(options: ShadowSenderOptions) {
    this.#options = options;
  }

  /** Copies sent and not settled yet. The cap is the proxy's: it reserves a slot before handing a copy over. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Sends one copy; never rejects. */
  send(origin: string, copy: ShadowCopy): Promise<CopyResult> {
    this.#inFlight += 1;
    return new Promise<CopyResult>((resolve) => {
      const handler = new CopyHandler(
        copy.timeoutMs,
        this.#options.maxBodyBytes,
        this.#options.now,
        (result) => {
          this.#inFlight -= 1;
          resolve(result);
        },
      );
      // undici's callback dispatch, as on the client path: no stream or promise per chunk for a body nobody streams.
      this.#pool(origin).dispatch(
        {
          method: copy.method as Dispatcher.HttpMethod,
          path: copy.path,
          headers: copy.headers,
          body: copy.body,
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        handler as unknown as Dispatcher.DispatchHandler,
      );
    });
  }

  #pool(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: Math.max(1, this.#options.maxInFlight),
        pipelining: 1,
        keepAliveTimeout: 4_000,
        // The copy's own timer is the deadline; undici's coarse ones would only fire later.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#pools.values()].map((pool) => pool.destroy()));
    this.#pools.clear();
  }
}

/** One copy's exchange: its own deadline, a bounded body, a single settle. */
class CopyHandler {
  readonly #start: number;
  #timer: NodeJS.Timeout;
  #graced = false;
  #abort: ((error: Error) => void) | null = null;
  #status = 0;
  #headers: Buffer[] = [];
  #chunks: Buffer[] = [];
  #bytes = 0;
  #done = false;

  constructor(
    timeoutMs: number,
    private readonly maxBytes: number,
    private readonly now: () => number,
    private readonly settle: (result: CopyResult) => void,
  ) {
    this.#start = now();
    this.#timer = setTimeout(() => this.#deadline(timeoutMs), timeoutMs);
  }

  /**
   * Timers run before I/O in a loop turn: a thread kept off the CPU finds its deadline passed with the answer already
   * waiting in the socket. A timer that fired late (the thread was starved, not the upstream slow) gives the copy its
   * timeout once more, during which the loop reads what is waiting, before it fails it.
   */
  #deadline(timeoutMs: number): void {
    const late = this.now() - this.#start - timeoutMs;
    if (late > LATE_TIMER_MS && !this.#graced) {
      this.#graced = true;
      this.#timer = setTimeout(() => this.#fail('timeout'), timeoutMs);
    } else this.#fail('timeout');
  }

  #fail(failure: ShadowFailure): void {
    if (this.#done) return;
    this.#done = true;
    clearTimeout(this.#timer);
    this.#chunks = [];
    this.#abort?.(new CopyAborted());
    this.settle({ ok: false, failure });
  }

  onConnect(abort: (error: Error) => void): void {
    this.#abort = abort;
    if (this.#done) abort(new CopyAborted());
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) return true;
    this.#status = statusCode;
    this.#headers = rawHeaders;
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.#done) return true;
    this.#bytes += chunk.length;
    if (this.#bytes > this.maxBytes) this.#fail('too-large');
    else this.#chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.#done) return;
    this.#done = true;
    clearTimeout(this.#timer);
    this.settle({
      ok: true,
      response: {
        status: this.#status,
        headers: headerRecord(this.#headers),
        body: Buffer.concat(this.#chunks),
      },
      ms: this.now() - this.#start,
    });
  }

  onError(error: Error): void {
    if (error instanceof CopyAborted) return;
    const code = (error as { code?: string }).code ?? '';
    this.#fail(TIMEOUT_CODES.has(code) ? 'timeout' : CONNECT_CODES.has(code) ? 'connect' : 'error');
  }
}

class CopyAborted extends Error {}

/** undici's raw `[name, value, …]` header list as lower-case names; repeated headers joined with `, `. */
export function headerRecord(raw: readonly Buffer[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString().toLowerCase();
    const value = raw[i + 1]!.toString();
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}
