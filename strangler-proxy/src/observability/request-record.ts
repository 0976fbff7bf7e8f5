// What the data plane reports about each finished request; logs, metrics and live stats are all fed from it.
import type { Target } from '../flags/decide-target.js';
import type { Stage } from '../flags/route-flag.js';

export type FailureKind =
  'connect' | 'reset' | 'bad-response' | 'timeout' | 'budget' | 'body-too-large' | 'bad-path';
/** A failure, or a 5xx status from a service that was then re-served by the monolith. */
export type RecordedError = FailureKind | 'upstream-5xx';

export interface RequestRecord {
  reqId: string;
  method: string;
  /** The canonical path (what was routed and forwarded), or the raw target when it could not be made canonical. */
  path: string;
  routeId: string;
  stage: Stage;
  /** Who served the response in the end (the monolith after a fallback). */
  target: Target;
  /** The name of that upstream (`monolith` or the service name). */
  upstream: string;
  status: number;
  durationMs: number;
  fallback: boolean;
  shadow: boolean;
  retries: number;
  /** Why the proxy failed or fell back, when it did. */
  error: RecordedError | null;
}

export interface RequestObserver {
  onRequest(record: RequestRecord): void;
}
