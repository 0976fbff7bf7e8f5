// The canonical names of log fields and metrics, in one place: dashboards, alerts and tests depend on them.

/** Fields of the one log line written per request. */
export const LOG_FIELDS = {
  reqId: 'reqId',
  method: 'method',
  path: 'path',
  routeId: 'routeId',
  stage: 'stage',
  target: 'target',
  status: 'status',
  durationMs: 'durationMs',
  fallback: 'fallback',
  shadow: 'shadow',
  retries: 'retries',
  error: 'error',
} as const;

/** `msg` of the records the proxy writes, so tests and log queries match on a field, not on prose. */
export const LOG_EVENTS = {
  request: 'request',
  fallback: 'fallback',
  flagsApplied: 'flags applied',
  flagRejected: 'flag value rejected; keeping the last good flag',
  flagStoreError: 'flag store failed; keeping the last good flags',
  listening: 'listening',
  closing: 'closing',
  shadowMismatch: 'shadow mismatch',
  shadowFailed: 'shadow copy failed',
  shadowWorkerLost: 'shadow worker lost',
  guardAction: 'guard moved the route back',
  guardWriteRefused: 'guard flag write refused',
  promotionGated: 'promotion refused by the gate',
  promotionForced: 'promotion forced past the gate',
  evidenceReset: 'shadow evidence reset',
} as const;

/** Headers never written to logs. */
export const REDACTED_HEADERS = [
  'authorization',
  'cookie',
  'set-cookie',
  'proxy-authorization',
  'x-ficus-tester-token',
];

/** The route id that stands for "no route matched" (the monolith serves). */
export const DEFAULT_ROUTE_ID = '(default)';

export const METRICS = {
  requests: 'ficus_proxy_requests_total',
  duration: 'ficus_proxy_request_duration_seconds',
  fallbacks: 'ficus_proxy_fallbacks_total',
  retries: 'ficus_proxy_retries_total',
  upstreamErrors: 'ficus_proxy_upstream_errors_total',
  flagStoreErrors: 'ficus_proxy_flag_store_errors_total',
  flagsRejected: 'ficus_proxy_flag_values_rejected_total',
  staleFlags: 'ficus_proxy_last_good_flags_in_use',
  flagVersion: 'ficus_proxy_flag_version',
  shadowRequests: 'ficus_proxy_shadow_requests_total',
  shadowFieldMismatches: 'ficus_proxy_shadow_field_mismatches_total',
  shadowMatchRatio: 'ficus_proxy_shadow_match_ratio',
  shadowCompared: 'ficus_proxy_shadow_compared',
  shadowInFlight: 'ficus_proxy_shadow_in_flight',
  shadowLatency: 'ficus_proxy_shadow_latency_seconds',
  guardActions: 'ficus_proxy_guard_actions_total',
} as const;

export const METRIC_LABELS = {
  route: 'route',
  target: 'target',
  statusClass: 'status_class',
  upstream: 'upstream',
  kind: 'kind',
  result: 'result',
  field: 'field',
  action: 'action',
} as const;
