// Reads a project's ground truth (`domains.json`: which domain each file belongs to) as a partition.
import { readFileSync } from 'node:fs';
import type { Partition } from '../metrics/partition.js';

export interface DomainsFile {
  readonly schemaVersion: 1;
  readonly domains: readonly string[];
  /** Path relative to the project root → domain. */
  readonly files: Readonly<Record<string, string>>;
}

export function readGroundTruth(path: string): Partition {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as DomainsFile;
  if (parsed.schemaVersion !== 1 || typeof parsed.files !== 'object') {
    throw new Error(`${path}: expected { schemaVersion: 1, domains, files }`);
  }
  return new Map(Object.entries(parsed.files));
}
