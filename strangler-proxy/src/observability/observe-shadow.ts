// Fans shadow outcomes and skips out to the metrics and to one log record per mismatch or failed copy.
import type { Logger } from 'pino';
import type { ShadowEvents } from '../shadow/shadow-traffic.js';
import { LOG_EVENTS } from './names.js';
import type { ProxyMetrics } from './proxy-metrics.js';

export function observeShadow(logger: Logger, metrics: ProxyMetrics): ShadowEvents {
  return {
    onSkip: (routeId, reason) => metrics.onShadowSkip(routeId, reason),
    onOutcome: (outcome, counted) => {
      metrics.onShadowOutcome(outcome, counted);
      if (outcome.kind === 'failed') {
        logger.info(
          { routeId: outcome.routeId, reqId: outcome.reqId, failure: outcome.failure },
          LOG_EVENTS.shadowFailed,
        );
      } else if (counted.length > 0) {
        logger.info(
          { routeId: outcome.routeId, reqId: outcome.reqId, fields: counted },
          LOG_EVENTS.shadowMismatch,
        );
      }
    },
  };
}
