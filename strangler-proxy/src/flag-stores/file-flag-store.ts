// A flag store in one JSON file shared by every proxy process on a host: atomic writes, a lock for compare-and-set,
// and a folder watch plus a stat poll to push changes made by other processes.
//
// On disk, beside each other in the folder of `flags.store.path`:
//   flags.json          { "schemaVersion": 1, "flags": { "<routeId>": RouteFlag } }, replaced whole on every write
//                       (temp file, fsync, rename, fsync of the folder), so readers see the old or the new file
//   flags.audit.jsonl   one AuditEntry per line, appended (and fsynced) under the lock, never rewritten
//   flags.json.lock     exists while a writer holds the lock ({ pid, host, token }); see file-lock.ts
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ProxyError } from '../errors.js';
import type { AuditEntry, FlagChange, RouteFlag } from '../flags/route-flag.js';
import { isCode, writeFileAtomic } from './atomic-write.js';
import { appendAudit, auditPathFor, readAuditNewestFirst } from './audit-file.js';
import { withFileLock } from './file-lock.js';
import { removeOrphanTempFiles } from './orphan-temp-files.js';
import type { FileLockOptions } from './file-lock.js';
import type { Clock, FlagSnapshot, FlagStore, SetFlagResult } from './flag-store.js';
import {
  applyFlagChange,
  auditEntryFor,
  parseStoredFlag,
  storedVersion,
  validateFlagChange,
} from './flag-values.js';
import { EMPTY_FLAGS_FILE, parseFlagsFile, serializeFlagsFile } from './flags-file.js';
import type { FlagsFileState } from './flags-file.js';
import { Subscribers, toError } from './subscribers.js';

export interface FileFlagStoreOptions {
  /** Absolute path of the flags file; its folder is created if missing. */
  readonly path: string;
  readonly clock?: Clock;
  /** Safety-net stat poll (fs.watch misses events on some file systems); 0 turns it off. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Watch the folder for renames onto the flags file. Default true. */
  readonly watch?: boolean;
  readonly lock?: FileLockOptions;
}

export class FileFlagStore implements FlagStore {
  readonly path: string;
  readonly auditPath: string;
  readonly lockPath: string;
  readonly #clock: Clock;
  readonly #lockOptions: FileLockOptions;
  readonly #subscribers = new Subscribers();
  /** The last good state; null until the file has been read once successfully. */
  #state: FlagsFileState | null = null;
  #startError: Error | null = null;
  /** Identity of the file last read (inode, size, mtime), so a poll re-reads only when something changed. */
  #stamp: string | null = null;
  /** Every read-modify-adopt runs here one at a time, so an older read can never overwrite a newer state. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #ready: Promise<void>;
  #watcher: FSWatcher | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: FileFlagStoreOptions) {
    this.path = options.path;
    this.auditPath = auditPathFor(options.path);
    this.lockPath = `${options.path}.lock`;
    this.#clock = options.clock ?? Date.now;
    this.#lockOptions = options.lock ?? {};
    this.#ready = this.#start(options.watch ?? true, options.pollIntervalMs ?? 1_000);
    // A failed start surfaces on the next call; until then it must not count as an unhandled rejection.
    this.#ready.catch(() => undefined);
  }

  async get(routeId: string): Promise<RouteFlag | null> {
    return (await this.#current()).snapshot.flags.get(routeId) ?? null;
  }

  async list(): Promise<FlagSnapshot> {
    return (await this.#current()).snapshot;
  }

  async set(
    routeId: string,
    change: FlagChange,
    expectedVersion: number,
    actor: string,
  ): Promise<SetFlagResult> {
    await this.#open();
    return this.#serial(() =>
      withFileLock(
        this.lockPath,
        () => this.#setLocked(routeId, change, expectedVersion, actor),
        this.#lockOptions,
      ),
    );
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.#open();
    await this.#serial(() =>
      withFileLock(this.lockPath, () => appendAudit(this.auditPath, entry), this.#lockOptions),
    );
  }

  async audit(filter?: { routeId?: string; limit?: number }): Promise<readonly AuditEntry[]> {
    await this.#open();
    return readAuditNewestFirst(this.auditPath, filter);
  }

  subscribe(listener: (snapshot: FlagSnapshot) => void, onError?: (error: Error) => void): () => void {
    this.#assertOpen();
    return this.#subscribers.add(listener, onError);
  }

  /** Re-reads the file if it changed and pushes the result; the watch and the poll call this, tests may too. */
  async refresh(): Promise<void> {
    if (this.#closed) return;
    await this.#serial(() => this.#refreshNow());
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Let a start still in flight finish (it checks #closed) so no watch or timer is created after close.
    await this.#ready.catch(() => undefined);
    this.#watcher?.close();
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#subscribers.clear();
    await this.#queue.catch(() => undefined);
  }

  async #setLocked(
    routeId: string,
    change: FlagChange,
    expectedVersion: number,
    actor: string,
  ): Promise<SetFlagResult> {
    // Read under the lock: the cached state may trail a write another process just made.
    const fresh = await this.#readFile();
    const at = new Date(this.#clock()).toISOString();
    const stored = fresh.raw[routeId];
    const parsed = stored === undefined ? null : parseStoredFlag(routeId, stored);
    const current = parsed?.ok === true ? parsed.flag : null;
    const currentVersion = storedVersion(stored);
    const problems = validateFlagChange(change);
    if (problems.length > 0) {
      await appendAudit(
        this.auditPath,
        auditEntryFor(routeId, current, change, {
          actor,
          at,
          result: 'invalid',
          detail: problems.join('; '),
        }),
      );
      await this.#adopt(fresh);
      return { ok: false, reason: 'invalid', problems };
    }
    if (currentVersion !== expectedVersion) {
      const detail = `expected version ${expectedVersion}, found ${currentVersion}`;
      await appendAudit(
        this.auditPath,
        auditEntryFor(routeId, current, change, { actor, at, result: 'conflict', detail }),
      );
      await this.#adopt(fresh);
      return { ok: false, reason: 'conflict', current };
    }
    // An invalid stored value still counts for the version, so the new flag continues its numbering.
    const base =
      current ?? (currentVersion > 0 ? { ...placeholder(routeId), version: currentVersion } : null);
    const flag = applyFlagChange(base, change, { routeId, actor, at });
    const text = serializeFlagsFile({ ...fresh.raw, [routeId]: flag });
    // Flag first, then its audit line: a crash in between loses one line, it never records a write that did not happen.
    await writeFileAtomic(this.path, text);
    await appendAudit(this.auditPath, auditEntryFor(routeId, current, flag, { actor, at, result: 'ok' }));
    await this.#adopt(parseFlagsFile(text, this.path));
    return { ok: true, flag };
  }

  async #start(watchFolder: boolean, pollIntervalMs: number): Promise<void> {
    const folder = dirname(this.path);
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw new ProxyError('FICUS_PROXY_FLAG_STORE_UNREADABLE', `cannot create the flag folder ${folder}`, {
        cause: error,
      });
    }
    // Cleanup is best effort: a folder we cannot list is reported by the read that follows, if it matters.
    await removeOrphanTempFiles(this.path).catch(() => undefined);
    if (this.#closed) return;
    try {
      // The first read is the starting state, not a change: subscribers get it from list(), not pushed.
      await this.#serial(() => this.#refreshNow({ throwOnError: true, initial: true }));
    } catch (error) {
      this.#startError = toError(error);
    }
    if (this.#closed) return;
    if (watchFolder) this.#watchFolder(folder);
    if (pollIntervalMs > 0) {
      this.#timer = setInterval(() => void this.refresh(), pollIntervalMs);
      this.#timer.unref();
    }
  }

  #watchFolder(folder: string): void {
    const name = basename(this.path);
    try {
      this.#watcher = watch(folder, { persistent: false }, (_event, filename) => {
        if (filename === null || filename === name) void this.refresh();
      });
      // The poll covers for a watch that dies (folder removed, inotify limits).
      this.#watcher.on('error', () => this.#watcher?.close());
    } catch {
      this.#watcher = null;
    }
  }

  async #refreshNow(options: { throwOnError?: boolean; initial?: boolean } = {}): Promise<void> {
    let stamp: string;
    try {
      stamp = await this.#stampOf();
      if (stamp === this.#stamp) return;
      const next = await this.#readFile();
      this.#stamp = stamp;
      this.#install(next, options.initial !== true);
    } catch (error) {
      // Remember the bad file's stamp so the same problem is reported once, not on every poll.
      this.#stamp = await this.#stampOf().catch(() => null);
      if (options.throwOnError) throw error;
      this.#subscribers.fail(toError(error));
    }
  }

  async #adopt(next: FlagsFileState): Promise<void> {
    this.#stamp = await this.#stampOf().catch(() => null);
    this.#install(next, true);
  }

  /** Makes `next` the current state when its text differs, and pushes it unless asked not to. */
  #install(next: FlagsFileState, publish: boolean): void {
    if (next.text === this.#state?.text) return;
    this.#state = next;
    this.#startError = null;
    if (publish) this.#subscribers.publish(next.snapshot);
  }

  async #readFile(): Promise<FlagsFileState> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return EMPTY_FLAGS_FILE;
      throw new ProxyError('FICUS_PROXY_FLAG_STORE_UNREADABLE', `cannot read flag file ${this.path}`, {
        cause: error,
      });
    }
    return parseFlagsFile(text, this.path);
  }

  async #stampOf(): Promise<string> {
    try {
      const s = await stat(this.path);
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch (error) {
      if (isCode(error, 'ENOENT')) return 'missing';
      throw error;
    }
  }

  async #current(): Promise<FlagsFileState> {
    await this.#open();
    await this.refresh();
    if (this.#state === null) {
      throw (
        this.#startError ??
        new ProxyError('FICUS_PROXY_FLAG_STORE_UNREADABLE', `flag file ${this.path} was never read`)
      );
    }
    return this.#state;
  }

  async #open(): Promise<void> {
    this.#assertOpen();
    await this.#ready;
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #assertOpen(): void {
    if (this.#closed) throw new ProxyError('FICUS_PROXY_FLAG_STORE_CLOSED', 'the flag store is closed');
  }
}

function placeholder(routeId: string): RouteFlag {
  return {
    routeId,
    stage: 'monolith',
    percent: 0,
    shadowPercent: 0,
    stickyBy: 'ip',
    version: 0,
    updatedAt: '',
    updatedBy: '',
    reason: '',
  };
}
