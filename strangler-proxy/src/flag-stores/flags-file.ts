// The on-disk format of the file flag store: `{ schemaVersion: 1, flags: { <routeId>: RouteFlag } }`.
import { ProxyError } from '../errors.js';
import type { RouteFlag } from '../flags/route-flag.js';
import type { FlagSnapshot, InvalidFlag } from './flag-store.js';
import { parseStoredFlag, storedVersion } from './flag-values.js';

export const FLAGS_FILE_SCHEMA_VERSION = 1;

export interface FlagsFileState {
  readonly snapshot: FlagSnapshot;
  /** Every stored value as read, invalid ones included, so a write to one route never drops another's value. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** The exact text read, to tell a real change from a touch. */
  readonly text: string;
}

export const EMPTY_FLAGS_FILE: FlagsFileState = {
  snapshot: { flags: new Map(), invalid: [] },
  raw: {},
  text: '',
};

/**
 * Parses the whole file. A file that is not this format (empty, truncated, hand-broken) throws
 * FICUS_PROXY_FLAG_STORE_UNREADABLE; one bad route value only lands in `invalid`.
 */
export function parseFlagsFile(text: string, path: string): FlagsFileState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw unreadable(path, 'is not valid JSON', error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw unreadable(path, 'is not a JSON object');
  const file = value as Record<string, unknown>;
  if (file.schemaVersion !== FLAGS_FILE_SCHEMA_VERSION) {
    throw unreadable(
      path,
      `has schemaVersion ${JSON.stringify(file.schemaVersion)}, expected ${FLAGS_FILE_SCHEMA_VERSION}`,
    );
  }
  const stored = file.flags;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    throw unreadable(path, 'has no "flags" object');
  const flags = new Map<string, RouteFlag>();
  const invalid: InvalidFlag[] = [];
  for (const [routeId, entry] of Object.entries(stored as Record<string, unknown>)) {
    const parsed = parseStoredFlag(routeId, entry);
    if (parsed.ok) flags.set(routeId, parsed.flag);
    else invalid.push({ routeId, problem: parsed.problem, version: storedVersion(entry) });
  }
  return { snapshot: { flags, invalid }, raw: stored as Record<string, unknown>, text };
}

export function serializeFlagsFile(raw: Readonly<Record<string, unknown>>): string {
  const sorted = Object.fromEntries(Object.entries(raw).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ schemaVersion: FLAGS_FILE_SCHEMA_VERSION, flags: sorted }, null, 2)}\n`;
}

function unreadable(path: string, what: string, cause?: unknown): ProxyError {
  return new ProxyError(
    'FICUS_PROXY_FLAG_STORE_UNREADABLE',
    `flag file ${path} ${what}`,
    cause === undefined ? undefined : { cause },
  );
}
