// Fans shadow deltas and skips out to the metrics, and mismatches and failed copies to rate-limited log lines.
import type { Logger } from 'pino';
import type { ShadowEvents } from '../shadow/shadow-traffic.js';
import { LOG_EVENTS } from './names.js';
import type { ProxyMetrics } from './proxy-metrics.js';

/** A broken service fails or mismatches every copy: one line per route and kind per window, not one per request. */
const LOG_WINDOW_MS = 1000;
const MAX_REQ_IDS = 5;

interface Pending {
  count: number;
  readonly reqIds: string[];
  /** Fields (mismatches) or reasons (failures) with how often. */
  readonly detail: Record<string, number>;
}

type Kind = 'mismatch' | 'failed';

export interface ShadowObserver extends ShadowEvents {
  /** Logs what is still pending and stops the window timer. */
  close(): void;
}

export function observeShadow(logger: Logger, metrics: ProxyMetrics): ShadowObserver {
  /** Open windows: a route's first event is logged at once, the rest of its window in one line at the end. */
  const windows = new Map<
    string,
    { readonly kind: Kind; readonly routeId: string; pending: Pending | null }
  >();

  const log = (kind: Kind, routeId: string, pending: Pending): void => {
    const fields = { routeId, count: pending.count, reqIds: pending.reqIds };
    if (kind === 'failed') logger.info({ ...fields, failures: pending.detail }, LOG_EVENTS.shadowFailed);
    else logger.info({ ...fields, fields: pending.detail }, LOG_EVENTS.shadowMismatch);
  };

  const note = (kind: Kind, routeId: string, reqId: string, detail: readonly string[]): void => {
    const key = `${kind}\u0000${routeId}`;
    const window = windows.get(key);
    const pending: Pending = window?.pending ?? { count: 0, reqIds: [], detail: {} };
    pending.count += 1;
    if (pending.reqIds.length < MAX_REQ_IDS) pending.reqIds.push(reqId);
    for (const d of detail) pending.detail[d] = (pending.detail[d] ?? 0) + 1;
    if (window === undefined) {
      log(kind, routeId, pending);
      windows.set(key, { kind, routeId, pending: null });
    } else window.pending = pending;
  };

  const flush = (): void => {
    for (const [key, window] of windows) {
      if (window.pending === null) windows.delete(key);
      else {
        log(window.kind, window.routeId, window.pending);
        window.pending = null;
      }
    }
  };
  const timer = setInterval(flush, LOG_WINDOW_MS);
  timer.unref();

  return {
    onSkip: (routeId, reason) => metrics.onShadowSkip(routeId, reason),
    onDelta: (delta) => {
      metrics.onShadowDelta(delta);
      for (const event of delta.events) {
        if ('failure' in event) note('failed', delta.routeId, event.reqId, [event.failure]);
        else note('mismatch', delta.routeId, event.reqId, event.fields);
      }
    },
    onWorkerLost: (error) => logger.error({ err: error }, LOG_EVENTS.shadowWorkerLost),
    close: () => {
      clearInterval(timer);
      flush();
    },
  };
}
