// Cleans up temp files that a writer which died between create and rename left beside the flags file.
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isAlive } from './file-lock.js';

/** Removes `<file>.<pid>.<random>.tmp` files whose pid no longer runs; a live writer's temp file is left alone. */
export async function removeOrphanTempFiles(path: string): Promise<void> {
  const folder = dirname(path);
  const prefix = `${basename(path)}.`;
  for (const entry of await readdir(folder)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)\.[0-9a-f]+\.tmp$/.exec(entry.slice(prefix.length))?.[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && !isAlive(pid)) await rm(join(folder, entry), { force: true });
  }
}
