// A flag store held in this process only: for tests, `ficus demo` and single-instance runs that need no persistence.
import type { AuditEntry, FlagChange, RouteFlag } from '../flags/route-flag.js';
import { ProxyError } from '../errors.js';
import type { Clock, FlagSnapshot, FlagStore, SetFlagResult } from './flag-store.js';
import { applyFlagChange, auditEntryFor, validateFlagChange } from './flag-values.js';
import { queryAudit } from './query-audit.js';
import { Subscribers } from './subscribers.js';

export interface MemoryFlagStoreOptions {
  readonly clock?: Clock;
  /** Flags present from the start (their versions are kept as given). */
  readonly initial?: Iterable<RouteFlag>;
  /** Oldest audit entries are dropped past this many, so a long-running process stays bounded. */
  readonly maxAuditEntries?: number;
}

export class MemoryFlagStore implements FlagStore {
  #flags: ReadonlyMap<string, RouteFlag>;
  readonly #audit: AuditEntry[] = [];
  readonly #subscribers = new Subscribers();
  readonly #clock: Clock;
  readonly #maxAuditEntries: number;
  #closed = false;

  constructor(options: MemoryFlagStoreOptions = {}) {
    this.#clock = options.clock ?? Date.now;
    this.#maxAuditEntries = options.maxAuditEntries ?? 10_000;
    this.#flags = new Map([...(options.initial ?? [])].map((flag) => [flag.routeId, flag]));
  }

  async get(routeId: string): Promise<RouteFlag | null> {
    this.#assertOpen();
    return this.#flags.get(routeId) ?? null;
  }

  async list(): Promise<FlagSnapshot> {
    this.#assertOpen();
    return { flags: this.#flags, invalid: [] };
  }

  async set(
    routeId: string,
    change: FlagChange,
    expectedVersion: number,
    actor: string,
  ): Promise<SetFlagResult> {
    this.#assertOpen();
    const at = new Date(this.#clock()).toISOString();
    const current = this.#flags.get(routeId) ?? null;
    const problems = validateFlagChange(change);
    if (problems.length > 0) {
      this.#append(
        auditEntryFor(routeId, current, change, {
          actor,
          at,
          result: 'invalid',
          detail: problems.join('; '),
        }),
      );
      return { ok: false, reason: 'invalid', problems };
    }
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) {
      const detail = `expected version ${expectedVersion}, found ${currentVersion}`;
      this.#append(auditEntryFor(routeId, current, change, { actor, at, result: 'conflict', detail }));
      return { ok: false, reason: 'conflict', current };
    }
    const flag = applyFlagChange(current, change, { routeId, actor, at });
    // A new map per write: a snapshot handed out earlier never changes under its holder.
    this.#flags = new Map(this.#flags).set(routeId, flag);
    this.#append(auditEntryFor(routeId, current, flag, { actor, at, result: 'ok' }));
    this.#subscribers.publish({ flags: this.#flags, invalid: [] });
    return { ok: true, flag };
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.#assertOpen();
    this.#append(entry);
  }

  async audit(filter?: { routeId?: string; limit?: number }): Promise<readonly AuditEntry[]> {
    this.#assertOpen();
    return queryAudit(this.#audit, filter);
  }

  subscribe(listener: (snapshot: FlagSnapshot) => void, onError?: (error: Error) => void): () => void {
    this.#assertOpen();
    return this.#subscribers.add(listener, onError);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#subscribers.clear();
  }

  #append(entry: AuditEntry): void {
    this.#audit.push(entry);
    if (this.#audit.length > this.#maxAuditEntries)
      this.#audit.splice(0, this.#audit.length - this.#maxAuditEntries);
  }

  #assertOpen(): void {
    if (this.#closed) throw new ProxyError('FICUS_PROXY_FLAG_STORE_CLOSED', 'the flag store is closed');
  }
}
