// The file store's audit trail: an append-only JSON Lines file beside the flags file, one entry per line.
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { AuditEntry } from '../flags/route-flag.js';
import { appendLineDurably, isCode } from './atomic-write.js';
import { DEFAULT_AUDIT_LIMIT } from './query-audit.js';

const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/** `flags.json` → `flags.audit.jsonl` in the same folder. */
export function auditPathFor(flagsPath: string): string {
  const name = basename(flagsPath).replace(/\.json$/i, '');
  return join(dirname(flagsPath), `${name}.audit.jsonl`);
}

export async function appendAudit(path: string, entry: AuditEntry): Promise<void> {
  await appendLineDurably(path, JSON.stringify(entry));
}

/**
 * Entries newest first, read backwards from the end of the file in chunks, so the cost follows `limit`, not the
 * length of the trail. A line that does not parse (a torn write after a crash) is skipped, not fatal.
 */
export async function readAuditNewestFirst(
  path: string,
  filter: { routeId?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const limit = filter.limit ?? DEFAULT_AUDIT_LIMIT;
  const out: AuditEntry[] = [];
  const take = (line: Buffer): void => {
    if (out.length >= limit) return;
    try {
      const entry = JSON.parse(line.toString('utf8')) as AuditEntry;
      if (filter.routeId === undefined || entry.routeId === filter.routeId) out.push(entry);
    } catch {
      // skipped: see above
    }
  };
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return [];
    throw error;
  }
  try {
    let position = (await file.stat()).size;
    // Bytes before the first newline of the chunks read so far: the tail of a line that starts further back.
    let carry = Buffer.alloc(0);
    while (position > 0 && out.length < limit) {
      const length = Math.min(CHUNK_BYTES, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await file.read(chunk, 0, length, position);
      const data = Buffer.concat([chunk, carry]);
      let end = data.length;
      // Splitting on the newline byte is safe in UTF-8: it never occurs inside a multi-byte character.
      for (let i = data.length - 1; i >= 0 && out.length < limit; i--) {
        if (data[i] !== NEWLINE) continue;
        if (i + 1 < end) take(data.subarray(i + 1, end));
        end = i;
      }
      carry = data.subarray(0, end);
    }
    if (position === 0 && carry.length > 0) take(carry);
  } finally {
    await file.close();
  }
  return out;
}
