// The public API of @ficus/strangler-proxy: re-exports only.

// Config, data plane and its composition root (brief B1).
export { startProxy } from './build-proxy.js';
export type { ProxyOptions, RunningProxy } from './build-proxy.js';
export { loadConfig, parseConfigText } from './config/load-config.js';
export { parseConfig } from './config/parse-config.js';
export type { ParseConfigOptions } from './config/parse-config.js';
export { ConfigInvalidError } from './config/config-error.js';
export type {
  FicusConfig,
  FlagStoreConfig,
  GateConfig,
  GuardConfig,
  ListenConfig,
  RouteConfig,
  ShadowConfig,
  ShadowLimits,
  TokenConfig,
  UpstreamConfig,
} from './config/ficus-config.js';
export { PROXY_ERRORS, ProxyError } from './errors.js';
export type { ProxyErrorCode } from './errors.js';
export type { AuditEntry, FlagChange, RouteFlag, Stage, StickyBy } from './flags/route-flag.js';
export { STAGES } from './flags/route-flag.js';

// Flag stores and admin API (brief B2).
export type { Clock, FlagSnapshot, FlagStore, InvalidFlag, SetFlagResult } from './flag-stores/flag-store.js';
export { MemoryFlagStore } from './flag-stores/memory-flag-store.js';
export type { MemoryFlagStoreOptions } from './flag-stores/memory-flag-store.js';
export { FileFlagStore } from './flag-stores/file-flag-store.js';
export type { FileFlagStoreOptions } from './flag-stores/file-flag-store.js';
export { createFlagStore } from './flag-stores/create-flag-store.js';
export type { CreateFlagStoreOptions } from './flag-stores/create-flag-store.js';
export { buildAdminApp } from './admin/build-admin-app.js';
export type { AdminAppDeps } from './admin/build-admin-app.js';
export type { RouteView } from './admin/route-view.js';
export type { Readiness, RouteStats, RuntimeView } from './admin/runtime-view.js';
export { hashToken, matchToken } from './admin/verify-token.js';

// Shadow traffic, response comparison, promotion gate and guard (brief D).
export {
  compareResponses,
  compileCompareOptions,
  DEFAULT_COMPARED_HEADERS,
} from './comparison/compare-responses.js';
export type {
  CompareOptions,
  CompiledCompareOptions,
  ComparisonResult,
  Difference,
  DifferenceKind,
  RecordedResponse,
} from './comparison/compare-responses.js';
export type {
  EvidenceSummary,
  LatencySummary,
  MismatchSample,
  ShadowFailure,
  ShadowSkip,
} from './comparison/evidence-book.js';
export type { SampledResponse } from './comparison/redact-sample.js';
export { checkPromotion } from './comparison/promotion-gate.js';
export type { GateVerdict } from './comparison/promotion-gate.js';
export type { RouteDiffsView } from './admin/diffs-view.js';
export type { ClearedEvidence, EvidenceResetView } from './admin/reset-evidence.js';
export { SHADOW_HEADER } from './shadow/shadow-traffic.js';
export { GUARD_ACTOR } from './guard/route-guard.js';
