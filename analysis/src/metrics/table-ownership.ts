// Which service owns each table under a partition: the one whose files write it most (then read it most).
import type { TableAccess } from '../extract/extracted-project.js';
import { compareText } from '../compare-text.js';
import type { Partition } from './partition.js';

/** Table → owning service. Ties go to the service with more reading files, then to the first name. */
export function tableOwners(tables: readonly TableAccess[], partition: Partition): Map<string, string> {
  const tally = new Map<string, Map<string, { writers: Set<string>; readers: Set<string> }>>();
  for (const access of tables) {
    const service = partition.get(access.file);
    if (service === undefined) continue;
    let byService = tally.get(access.table);
    if (!byService) tally.set(access.table, (byService = new Map()));
    let counts = byService.get(service);
    if (!counts) byService.set(service, (counts = { writers: new Set(), readers: new Set() }));
    (access.mode === 'write' ? counts.writers : counts.readers).add(access.file);
  }
  const owners = new Map<string, string>();
  for (const [table, byService] of [...tally].sort((a, b) => compareText(a[0], b[0]))) {
    const ranked = [...byService].sort(
      (a, b) =>
        b[1].writers.size - a[1].writers.size ||
        b[1].readers.size - a[1].readers.size ||
        compareText(a[0], b[0]),
    );
    owners.set(table, ranked[0]![0]);
  }
  return owners;
}
