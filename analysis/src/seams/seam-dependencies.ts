// Dependencies between seams: file-to-file edges summed per ordered seam pair, for graphs of the candidates.
import type { DependencyGraph } from '../metrics/dependency-graph.js';
import { compareText } from '../compare-text.js';
import type { Partition } from '../metrics/partition.js';

export interface SeamDependency {
  readonly from: string;
  readonly to: string;
  /** Number of file-to-file dependencies from a file of `from` to a file of `to`. */
  readonly count: number;
}

export function seamDependencies(dependencies: DependencyGraph, partition: Partition): SeamDependency[] {
  const counts = new Map<string, Map<string, number>>();
  for (const [file, out] of dependencies.edges) {
    const from = partition.get(file);
    if (from === undefined) continue;
    for (const target of out.keys()) {
      const to = partition.get(target);
      if (to === undefined || to === from) continue;
      let row = counts.get(from);
      if (!row) counts.set(from, (row = new Map()));
      row.set(to, (row.get(to) ?? 0) + 1);
    }
  }
  const list: SeamDependency[] = [];
  for (const [from, row] of counts) for (const [to, count] of row) list.push({ from, to, count });
  return list.sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
}
