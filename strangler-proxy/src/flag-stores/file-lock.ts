// A cross-process lock file (O_EXCL create) that serialises compare-and-set between processes sharing one store.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { ProxyError } from '../errors.js';
import { isCode } from './atomic-write.js';

export interface FileLockOptions {
  /** Give up after this long (FICUS_PROXY_FLAG_STORE_LOCKED). */
  readonly timeoutMs?: number;
  /** A lock older than this is taken over even if its owner looks alive (a hung or remote owner). */
  readonly staleMs?: number;
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

/** Runs `fn` while holding `lockPath`; the lock is released even when `fn` throws. */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const token = await acquire(lockPath, options.timeoutMs ?? 5_000, options.staleMs ?? 30_000);
  try {
    return await fn();
  } finally {
    await release(lockPath, token);
  }
}

async function acquire(lockPath: string, timeoutMs: number, staleMs: number): Promise<string> {
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await open(lockPath, 'wx', 0o644);
      try {
        await file.writeFile(JSON.stringify(owner));
      } finally {
        await file.close();
      }
      return owner.token;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    if (await breakIfStale(lockPath, staleMs)) continue;
    if (Date.now() > deadline) {
      throw new ProxyError(
        'FICUS_PROXY_FLAG_STORE_LOCKED',
        `could not take the lock ${lockPath} within ${timeoutMs} ms`,
      );
    }
    // Jittered backoff so racing writers do not retry in lock step.
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 + attempt * 2) + Math.random() * 5));
  }
}

/**
 * Removes a lock whose owner died on this host, or which is older than `staleMs`. It is renamed aside first and its
 * inode checked: if another writer replaced the stale lock in between, that lock is put back with link() (which
 * fails rather than overwrite), so breaking a stale lock never steals a live one.
 */
async function breakIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  const seen = await readOwner(lockPath);
  let judged;
  try {
    judged = await stat(lockPath);
  } catch {
    return true; // Gone meanwhile: try again at once.
  }
  if (seen === undefined) return true;
  const ownerDead = seen !== null && seen.host === hostname() && !isAlive(seen.pid);
  // A lock with no readable owner may be mid-creation: only its age makes it stale.
  if (!ownerDead && Date.now() - judged.mtimeMs <= staleMs) return false;
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return true;
  }
  try {
    const moved = await stat(aside);
    if (moved.ino !== judged.ino || moved.dev !== judged.dev)
      await link(aside, lockPath).catch(() => undefined);
  } finally {
    await rm(aside, { force: true });
  }
  return true;
}

/** undefined = no lock file, null = unreadable content. */
async function readOwner(path: string): Promise<LockOwner | null | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return { pid: value.pid, host: value.host, token: value.token };
    }
  } catch {
    // fall through
  }
  return null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isCode(error, 'EPERM');
  }
}

async function release(lockPath: string, token: string): Promise<void> {
  const owner = await readOwner(lockPath);
  // Only remove our own lock: if it was broken as stale and retaken, the new owner's lock must stay.
  if (owner?.token === token) await rm(lockPath, { force: true });
}
