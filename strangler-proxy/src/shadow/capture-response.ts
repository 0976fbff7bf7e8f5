// Records the monolith's response as it streams to the client, up to a byte cap, for the comparison.
import type { ResponseTap } from '../forwarding/exchange.js';

/** The response as it came, left raw: turning it into headers and one body is the shadow worker's work. */
export interface RawResponse {
  readonly status: number;
  /** undici's raw `[name, value, …]` list. */
  readonly rawHeaders: readonly Buffer[];
  readonly chunks: readonly Buffer[];
}

export type Captured =
  | { readonly ok: true; readonly response: RawResponse; readonly endedAt: number }
  | { readonly ok: false; readonly reason: 'incomplete' | 'too-large' };

/** The tap given to the exchange, and `closed()` for the owner to call when the client response closes. */
export class ResponseCapture implements ResponseTap {
  #status = 0;
  #headers: Buffer[] = [];
  #chunks: Buffer[] = [];
  #bytes = 0;
  #tooLarge = false;
  #settled = false;

  /** `settle` is called once, with the recording or why there is none; it runs before the client's `end()`, so it must be cheap. */
  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number,
    private readonly settle: (captured: Captured) => void,
  ) {}

  onHeaders(statusCode: number, rawHeaders: Buffer[]): void {
    this.#status = statusCode;
    this.#headers = rawHeaders;
    this.#chunks = [];
    this.#bytes = 0;
    this.#tooLarge = false;
  }

  onData(chunk: Buffer): void {
    if (this.#tooLarge) return;
    this.#bytes += chunk.length;
    if (this.#bytes > this.maxBytes) {
      // Past the cap the recording is useless; drop what was kept rather than hold it.
      this.#tooLarge = true;
      this.#chunks = [];
      return;
    }
    this.#chunks.push(chunk);
  }

  onComplete(): void {
    if (this.#settled) return;
    this.#settled = true;
    if (this.#tooLarge) this.settle({ ok: false, reason: 'too-large' });
    else {
      this.settle({
        ok: true,
        response: { status: this.#status, rawHeaders: this.#headers, chunks: this.#chunks },
        endedAt: this.now(),
      });
    }
  }

  /** The client response closed; a recording that has not completed by now never will. */
  closed(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#chunks = [];
    this.settle({ ok: false, reason: 'incomplete' });
  }
}
