// What a shadow copy is and what comes back from sending it.
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
  /** Connections per origin: as many as copies may be in flight. */
  readonly maxInFlight: number;
  readonly maxBodyBytes: number;
  readonly now: () => number;
}
