// Fans each finished request out to the log line, the Prometheus metrics and the live route stats.
import type { Logger } from 'pino';
import { LOG_EVENTS } from './names.js';
import type { ProxyMetrics } from './proxy-metrics.js';
import type { RequestObserver, RequestRecord } from './request-record.js';
import type { RouteStatsBook } from './route-stats.js';

export function observeRequests(
  logger: Logger,
  metrics: ProxyMetrics,
  stats: RouteStatsBook,
): RequestObserver {
  return {
    onRequest(record: RequestRecord): void {
      record.durationMs = Math.round(record.durationMs * 1000) / 1000;
      metrics.onRequest(record);
      stats.onRequest(record);
      // The record's keys are the documented fields (LOG_FIELDS); logging it as is costs no copy.
      if (record.fallback) logger.warn(record, LOG_EVENTS.fallback);
      else logger.info(record, LOG_EVENTS.request);
    },
  };
}
