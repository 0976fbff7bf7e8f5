// Fans shadow deltas and skips out to the metrics and to one log record per mismatch or failed copy.
import type { Logger } from 'pino';
import type { ShadowEvents } from '../shadow/shadow-traffic.js';
import { LOG_EVENTS } from './names.js';
import type { ProxyMetrics } from './proxy-metrics.js';

export function observeShadow(logger: Logger, metrics: ProxyMetrics): ShadowEvents {
  return {
    onSkip: (routeId, reason) => metrics.onShadowSkip(routeId, reason),
    onDelta: (delta) => {
      metrics.onShadowDelta(delta);
      const { routeId } = delta;
      for (const event of delta.events) {
        if ('failure' in event) {
          logger.info({ routeId, reqId: event.reqId, failure: event.failure }, LOG_EVENTS.shadowFailed);
        } else logger.info({ routeId, reqId: event.reqId, fields: event.fields }, LOG_EVENTS.shadowMismatch);
      }
    },
    onWorkerLost: (error) => logger.error({ err: error }, LOG_EVENTS.shadowWorkerLost),
  };
}
