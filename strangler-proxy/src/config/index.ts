// The `./config` subpath export: the config types and JSON Schema only (the analysis emits route entries with them).
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
} from './ficus-config.js';
export type { Stage, StickyBy } from '../flags/route-flag.js';
export {
  FICUS_CONFIG_SCHEMA,
  ROUTE_ID_PATTERN,
  ROUTE_PATH_PATTERN,
  STICKY_BY_PATTERN,
} from './config-schema.js';
export { CONFIG_DEFAULTS } from './config-defaults.js';
