// ICP, inter-call percentage: the share of dependency weight that crosses service boundaries.
import type { DependencyGraph } from './dependency-graph.js';
import type { Partition } from './partition.js';

/** Σ weight of edges between different services / Σ weight of all edges, in [0, 1]; 0 without edges. Lower is better. */
export function interCallPercentage(graph: DependencyGraph, partition: Partition): number {
  let total = 0;
  let crossing = 0;
  for (const [from, out] of graph.edges) {
    for (const [to, weight] of out) {
      total += weight;
      if (partition.get(from) !== partition.get(to)) crossing += weight;
    }
  }
  return total === 0 ? 0 : crossing / total;
}
