// The messages between the proxy's event loop and its shadow worker thread.
import type { CompareOptions } from '../comparison/compare-responses.js';
import type { EvidenceLimits, EvidenceSummary } from '../comparison/evidence-book.js';

/** Header telling an upstream that a request is a copy whose answer nobody sees (`service` or `noise`). */
export const SHADOW_HEADER = 'x-ficus-shadow';

/** Given once, when the worker starts. */
export interface WorkerSetup {
  readonly monolithOrigin: string;
  readonly maxInFlight: number;
  readonly maxBodyBytes: number;
  readonly evidence: EvidenceLimits;
  /** Linux nice value for the worker thread (0 = as the proxy); ignored where threads cannot be reniced. */
  readonly nice: number;
}

/** A route, registered before its first job; jobs name it by `key`. */
export interface RouteMessage {
  readonly type: 'route';
  readonly key: number;
  readonly routeId: string;
  readonly origin: string;
  readonly timeoutMs: number;
  readonly compare: CompareOptions;
}

/** A batch written by `JobBatchWriter`; the buffer is transferred, not copied. */
export interface JobsMessage {
  readonly type: 'jobs';
  readonly buffer: ArrayBuffer;
  readonly length: number;
}

/** Forget a route's evidence. */
export interface ResetMessage {
  readonly type: 'reset';
  readonly routeId: string;
}

export type ToWorker = RouteMessage | JobsMessage | ResetMessage;

/** What a batch of finished copies did to one route, for metrics and logs. */
export interface ShadowDelta {
  readonly routeId: string;
  matched: number;
  mismatched: number;
  /** Failed copies by reason. */
  readonly failed: Record<string, number>;
  /** Mismatches per field held against the service (noise excluded). */
  readonly fields: Record<string, number>;
  readonly monolithMs: number[];
  readonly serviceMs: number[];
  /** One entry per mismatch or failed copy, for a log line each. */
  readonly events: ShadowEvent[];
}

export type ShadowEvent =
  | { readonly reqId: string; readonly failure: string }
  | { readonly reqId: string; readonly fields: readonly string[] };

/** Copies finished since the last message: their job ids (to free their slots) and what they showed. */
export interface ResultsMessage {
  readonly type: 'results';
  readonly done: readonly number[];
  readonly deltas: readonly ShadowDelta[];
}

/** The evidence of the routes that changed since the last snapshot. */
export interface EvidenceMessage {
  readonly type: 'evidence';
  readonly summaries: readonly EvidenceSummary[];
  /** Set on the answer to a reset: snapshots of that route sent before it are older than the reset. */
  readonly resetOf?: string;
}

export type FromWorker = ResultsMessage | EvidenceMessage;
