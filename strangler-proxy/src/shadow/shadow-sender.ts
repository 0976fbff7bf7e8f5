// Sends shadow and noise copies on their own pools: in-flight cap, own deadline, bounded response body.
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { headerRecord } from './capture-response.js';
import type { ShadowFailure } from '../comparison/evidence-book.js';
import type { CopyResult, CopySender, ShadowCopy, ShadowSenderOptions } from './copy-sender.js';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'UND_ERR_SOCKET']);

export class ShadowSender implements CopySender {
  readonly #options: ShadowSenderOptions;
  /** Shadow pools are apart from the data plane's, so copies never queue in front of served requests. */
  readonly #pools = new Map<string, Pool>();
  #inFlight = 0;

  constructor(options: ShadowSenderOptions) {
    this.#options = options;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Reserves `n` in-flight slots; false (nothing reserved) when the cap would be passed. */
  tryReserve(n: number): boolean {
    if (this.#inFlight + n > this.#options.maxInFlight) return false;
    this.#inFlight += n;
    return true;
  }

  release(n: number): void {
    this.#inFlight -= n;
  }

  /** Sends one copy on a slot reserved before; never rejects, and releases the slot when done. */
  send(origin: string, copy: ShadowCopy): Promise<CopyResult> {
    return new Promise<CopyResult>((resolve) => {
      const handler = new CopyHandler(
        copy.timeoutMs,
        this.#options.maxBodyBytes,
        this.#options.now,
        (result) => {
          this.release(1);
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
  readonly #timer: NodeJS.Timeout;
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
    // Timers run before I/O in a loop turn: a worker kept off the CPU would find its deadline passed and the answer
    // already waiting in the socket. The check waits for that turn's I/O, so a late timer never fails an answered copy.
    this.#timer = setTimeout(() => setImmediate(() => this.#fail('timeout')), timeoutMs);
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
