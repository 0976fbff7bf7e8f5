// Replaces a file so readers see the old or the new content, never a mix, and the change survives a crash.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files are named `<file>.<pid>.<random>.tmp` beside the target, so a rename never crosses file systems. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Write temp, fsync it, rename over the target, fsync the folder (without the last step the rename can be lost). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const file = await open(temp, 'wx', 0o644);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Appends one line and fsyncs it, for append-only logs; O_APPEND keeps concurrent appenders from overwriting. */
export async function appendLineDurably(path: string, line: string): Promise<void> {
  const file = await open(path, 'a', 0o644);
  try {
    await file.write(`${line}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    // Some platforms cannot open or fsync a folder; the rename already happened, durability is best effort there.
    if (!isCode(error, 'EISDIR', 'EINVAL', 'EPERM', 'EBADF')) throw error;
  } finally {
    await handle?.close();
  }
}

export function isCode(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' && error !== null && codes.includes((error as { code?: string }).code ?? '')
  );
}
