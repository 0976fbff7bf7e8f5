// Builds the flag store the static config names; the proxy's composition root calls this once.
import { resolve } from 'node:path';
import type { FlagStoreConfig } from '../config/ficus-config.js';
import { ProxyError } from '../errors.js';
import { FileFlagStore } from './file-flag-store.js';
import type { Clock, FlagStore } from './flag-store.js';
import { MemoryFlagStore } from './memory-flag-store.js';

export interface CreateFlagStoreOptions {
  /** Folder a relative `flags.store.path` is resolved against (the config file's folder); default the cwd. */
  readonly baseDir?: string;
  readonly clock?: Clock;
  /** File store only: the safety-net poll interval (default 1000 ms, 0 = off). */
  readonly pollIntervalMs?: number;
}

export function createFlagStore(config: FlagStoreConfig, options: CreateFlagStoreOptions = {}): FlagStore {
  switch (config.kind) {
    case 'memory':
      return new MemoryFlagStore({ ...(options.clock === undefined ? {} : { clock: options.clock }) });
    case 'file':
      return new FileFlagStore({
        path: resolve(options.baseDir ?? process.cwd(), config.path),
        ...(options.clock === undefined ? {} : { clock: options.clock }),
        ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      });
    case 'redis':
      throw new ProxyError(
        'FICUS_PROXY_FLAG_STORE_UNSUPPORTED',
        `flags.store.kind "redis" is not built yet (a later issue); use kind "file" or "memory"`,
      );
  }
}
