// Clusters the seam graph into communities, attaches unconnected files, and merges down to a requested count.
import { folderOf } from '../metrics/module-metrics.js';
import { louvain, modularity } from './louvain.js';
import { seededRandom } from './seeded-random.js';
import type { WeightedGraph } from './weighted-graph.js';

/** File → cluster key (`c0`, `c1`, ...). */
export type Clusters = Map<string, string>;

/** Seeded node orders tried per clustering; the partition of highest modularity wins. */
export const LOUVAIN_RESTARTS = 8;

export function clusterFiles(graph: WeightedGraph, resolution: number, seed: number): Clusters {
  const files = [...graph.keys()].sort();
  const index = new Map(files.map((f, i) => [f, i]));
  const adjacency = files.map((f) => {
    const row = new Map<number, number>();
    for (const [other, weight] of graph.get(f)!) row.set(index.get(other)!, weight);
    return row;
  });
  // Louvain's greedy moves depend on the node order; the best of a few seeded orders is far more stable than one.
  let community: number[] = [];
  let best = -Infinity;
  for (let restart = 0; restart < LOUVAIN_RESTARTS; restart += 1) {
    const candidate = louvain(adjacency, resolution, seededRandom(seed * LOUVAIN_RESTARTS + restart));
    const q = modularity(adjacency, candidate, resolution);
    if (q > best + 1e-12) {
      best = q;
      community = candidate;
    }
  }
  const clusters: Clusters = new Map(files.map((f, i) => [f, `c${community[i]}`]));
  attachUnconnected(graph, clusters);
  return clusters;
}

/**
 * A file with no evidence at all tying it to another file would otherwise be a seam of its own; it goes with the
 * cluster holding most of its folder, the only hint left.
 */
function attachUnconnected(graph: WeightedGraph, clusters: Clusters): void {
  for (const [file, links] of graph) {
    if (links.size > 0) continue;
    const folder = folderOf(file);
    const votes = new Map<string, number>();
    for (const [other, cluster] of clusters) {
      if (other !== file && folderOf(other) === folder && (graph.get(other)?.size ?? 0) > 0) {
        votes.set(cluster, (votes.get(cluster) ?? 0) + 1);
      }
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) clusters.set(file, best[0]);
  }
}

/**
 * Merges clusters pairwise until `count` remain, each time the pair whose merge raises modularity most (or lowers it
 * least), so `--services K` gives the best K-way partition reachable from the Louvain result by merging.
 */
export function mergeToCount(
  graph: WeightedGraph,
  clusters: Clusters,
  count: number,
  resolution: number,
): Clusters {
  const result = new Map(clusters);
  const degree = new Map<string, number>();
  const between = new Map<string, Map<string, number>>();
  let twoM = 0;
  for (const [file, links] of graph) {
    const a = result.get(file);
    if (a === undefined) continue;
    for (const [other, weight] of links) {
      const b = result.get(other);
      if (b === undefined) continue;
      twoM += weight;
      degree.set(a, (degree.get(a) ?? 0) + weight);
      if (a === b) continue;
      let row = between.get(a);
      if (!row) between.set(a, (row = new Map()));
      row.set(b, (row.get(b) ?? 0) + weight);
    }
  }
  const alive = new Set(result.values());
  while (alive.size > count && alive.size > 1) {
    const names = [...alive].sort();
    let best: { a: string; b: string; gain: number } | undefined;
    for (let i = 0; i < names.length; i += 1) {
      for (let j = i + 1; j < names.length; j += 1) {
        const a = names[i]!;
        const b = names[j]!;
        const w = between.get(a)?.get(b) ?? 0;
        const gain =
          twoM === 0
            ? 0
            : (2 * w) / twoM - (2 * resolution * (degree.get(a) ?? 0) * (degree.get(b) ?? 0)) / twoM ** 2;
        if (!best || gain > best.gain + 1e-12) best = { a, b, gain };
      }
    }
    const { a, b } = best!;
    for (const [file, cluster] of result) if (cluster === b) result.set(file, a);
    degree.set(a, (degree.get(a) ?? 0) + (degree.get(b) ?? 0));
    const rowA = between.get(a) ?? new Map<string, number>();
    between.set(a, rowA);
    for (const [other, w] of between.get(b) ?? []) {
      if (other === a) continue;
      rowA.set(other, (rowA.get(other) ?? 0) + w);
      const rowOther = between.get(other)!;
      rowOther.set(a, (rowOther.get(a) ?? 0) + w);
      rowOther.delete(b);
    }
    rowA.delete(b);
    between.delete(b);
    alive.delete(b);
  }
  return result;
}
