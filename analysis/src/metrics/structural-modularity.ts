// SM, structural modularity (Jin et al.): mean cohesion inside services minus mean coupling between them.
import type { DependencyGraph } from './dependency-graph.js';
import { servicesOf, type Partition } from './partition.js';

/**
 * SM = (1/K) Σᵢ μᵢ/Nᵢ² − (1/(K(K−1)/2)) Σ_{i<j} σᵢⱼ/(2NᵢNⱼ), with μᵢ the dependency edges inside service i, σᵢⱼ the
 * edges between i and j (either direction) and Nᵢ its file count. Edges are counted, not weighted, as in the paper.
 * The coupling term is 0 when there is a single service. Higher is better.
 */
export function structuralModularity(graph: DependencyGraph, partition: Partition): number {
  const services = [...servicesOf(partition).keys()];
  const k = services.length;
  if (k === 0) return 0;
  const slot = new Map(services.map((s, i) => [s, i]));
  const size = services.map(() => 0);
  for (const service of partition.values()) size[slot.get(service)!]! += 1;
  const inside = services.map(() => 0);
  const between = new Map<number, number>();
  for (const [from, out] of graph.edges) {
    const a = slot.get(partition.get(from) ?? '');
    if (a === undefined) continue;
    for (const to of out.keys()) {
      const b = slot.get(partition.get(to) ?? '');
      if (b === undefined) continue;
      if (a === b) inside[a]! += 1;
      else {
        const key = Math.min(a, b) * k + Math.max(a, b);
        between.set(key, (between.get(key) ?? 0) + 1);
      }
    }
  }
  const cohesion = inside.reduce((sum, mu, i) => sum + mu / size[i]! ** 2, 0) / k;
  if (k === 1) return cohesion;
  let coupling = 0;
  for (const [key, sigma] of between) {
    const i = Math.floor(key / k);
    const j = key % k;
    coupling += sigma / (2 * size[i]! * size[j]!);
  }
  return cohesion - coupling / ((k * (k - 1)) / 2);
}
