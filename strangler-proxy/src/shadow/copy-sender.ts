// What a shadow copy is, what comes back, and the sender interface `ShadowTraffic` uses.
import type { RecordedResponse } from '../comparison/compare-responses.js';
import type { ShadowFailure } from '../comparison/evidence-book.js';

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
  readonly maxInFlight: number;
  readonly maxBodyBytes: number;
  readonly now: () => number;
}

/** What `ShadowTraffic` needs from a sender. */
export interface CopySender {
  readonly inFlight: number;
  tryReserve(n: number): boolean;
  release(n: number): void;
  send(origin: string, copy: ShadowCopy): Promise<CopyResult>;
  close(): Promise<void>;
}
