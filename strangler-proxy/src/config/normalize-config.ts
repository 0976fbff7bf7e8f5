// Fills defaults into a checked raw config and returns it deeply frozen as `FicusConfig`.
import { isAbsolute, resolve } from 'node:path';
import { CONFIG_DEFAULTS } from './config-defaults.js';
import type {
  FicusConfig,
  FlagStoreConfig,
  GateConfig,
  GuardConfig,
  RouteConfig,
  TokenConfig,
  UpstreamConfig,
} from './ficus-config.js';
import type { StickyBy } from '../flags/route-flag.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the raw shape was checked by the schema just before */
type Raw = any;

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** `baseDir` anchors a relative file-store path (the folder of the config file). */
export function normalizeConfig(raw: Raw, baseDir: string): FicusConfig {
  const proxy = raw.proxy ?? {};
  const defaultTimeoutMs: number = proxy.defaultTimeoutMs ?? CONFIG_DEFAULTS.defaultTimeoutMs;
  const defaultBodyLimitBytes: number = proxy.defaultBodyLimitBytes ?? CONFIG_DEFAULTS.defaultBodyLimitBytes;

  const services = new Map<string, UpstreamConfig>();
  for (const [name, s] of Object.entries<Raw>(raw.services ?? {})) {
    services.set(name, {
      name,
      url: new URL(s.url).origin,
      ...(s.team === undefined ? {} : { team: s.team }),
      ...(s.health === undefined ? {} : { health: s.health }),
    });
  }

  const gate: GateConfig = { ...CONFIG_DEFAULTS.gate, ...proxy.gate };
  const guard: GuardConfig = { ...CONFIG_DEFAULTS.guard, ...proxy.guard };
  const shadowDefaults = CONFIG_DEFAULTS.shadow;

  const routes: RouteConfig[] = (raw.routes ?? []).map((r: Raw): RouteConfig => {
    const timeoutMs: number = r.timeoutMs ?? defaultTimeoutMs;
    const methods: string[] = [...new Set<string>((r.methods ?? []).map((m: string) => m.toUpperCase()))];
    return {
      id: r.id,
      path: r.path,
      methods,
      service: r.service,
      owner: r.owner,
      // Only safe methods can be re-served by the monolith without the risk of doing a write twice.
      fallback: r.fallback ?? (methods.length > 0 && methods.every((m) => SAFE_METHODS.has(m))),
      timeoutMs,
      bodyLimitBytes: r.bodyLimitBytes ?? defaultBodyLimitBytes,
      stickyBy: (r.stickyBy ?? CONFIG_DEFAULTS.stickyBy) as StickyBy,
      shadow: {
        ignore: [...(r.shadow?.ignore ?? [])],
        unorderedArrays: [...(r.shadow?.unorderedArrays ?? [])],
        headers: [
          ...new Set<string>(
            (r.shadow?.headers ?? shadowDefaults.headers).map((h: string) => h.toLowerCase()),
          ),
        ],
        unsafeMethods: r.shadow?.unsafeMethods ?? false,
        timeoutMs: r.shadow?.timeoutMs ?? timeoutMs,
        noisePercent: r.shadow?.noisePercent ?? shadowDefaults.noisePercent,
        maxNoisePerSecond: r.shadow?.maxNoisePerSecond ?? shadowDefaults.maxNoisePerSecond,
      },
      gate: { ...gate, ...r.gate },
      guard: { ...guard, ...r.guard },
    };
  });

  const rawStore = raw.flags?.store ?? CONFIG_DEFAULTS.store;
  const store: FlagStoreConfig =
    rawStore.kind === 'file'
      ? { kind: 'file', path: isAbsolute(rawStore.path) ? rawStore.path : resolve(baseDir, rawStore.path) }
      : rawStore.kind === 'redis'
        ? { kind: 'redis', url: rawStore.url }
        : { kind: 'memory' };

  const tokens: TokenConfig[] = (raw.auth?.tokens ?? []).map((t: Raw): TokenConfig => ({
    team: t.team,
    role: t.role ?? 'team',
    sha256: t.sha256,
  }));

  const config: FicusConfig = {
    proxy: {
      listen: { ...CONFIG_DEFAULTS.listen, ...proxy.listen },
      admin: { ...CONFIG_DEFAULTS.admin, ...proxy.admin },
      trustedProxies: [...(proxy.trustedProxies ?? [])],
      allowTesterOverride: proxy.allowTesterOverride ?? false,
      mergeSlashes: proxy.mergeSlashes ?? CONFIG_DEFAULTS.mergeSlashes,
      defaultTimeoutMs,
      defaultBodyLimitBytes,
      retryBudgetPercent: proxy.retryBudgetPercent ?? CONFIG_DEFAULTS.retryBudgetPercent,
      fallbackBudgetPercent: proxy.fallbackBudgetPercent ?? CONFIG_DEFAULTS.fallbackBudgetPercent,
      shadow: {
        maxInFlight: proxy.shadow?.maxInFlight ?? shadowDefaults.maxInFlight,
        maxBodyBytes: proxy.shadow?.maxBodyBytes ?? shadowDefaults.maxBodyBytes,
        samples: proxy.shadow?.samples ?? shadowDefaults.samples,
        workerNice: proxy.shadow?.workerNice ?? shadowDefaults.workerNice,
        maxLoopUtilization: proxy.shadow?.maxLoopUtilization ?? shadowDefaults.maxLoopUtilization,
      },
    },
    monolith: {
      url: new URL(raw.monolith.url).origin,
      ...(raw.monolith.health === undefined ? {} : { health: raw.monolith.health }),
    },
    services: frozenMap(services),
    routes,
    flags: { store },
    auth: { tokens },
  };
  return deepFreeze(config);
}

function frozenMap<K, V>(map: Map<K, V>): ReadonlyMap<K, V> {
  const refuse = (): never => {
    throw new TypeError('the config is frozen');
  };
  for (const value of map.values()) deepFreeze(value);
  Object.defineProperties(map, {
    set: { value: refuse },
    delete: { value: refuse },
    clear: { value: refuse },
  });
  return Object.freeze(map);
}

export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key]);
  return Object.freeze(value);
}
