// IFN, interface number: files that other services call into, which would become the service's remote interface.
import type { DependencyGraph } from './dependency-graph.js';
import { servicesOf, type Partition } from './partition.js';

export interface InterfaceNumber {
  /** Service → number of its files with at least one dependency edge from another service. */
  readonly perService: Readonly<Record<string, number>>;
  /** Mean over services. Lower is better. */
  readonly mean: number;
}

export function interfaceNumber(graph: DependencyGraph, partition: Partition): InterfaceNumber {
  const calledFromOutside = new Set<string>();
  for (const [from, out] of graph.edges) {
    for (const to of out.keys()) if (partition.get(from) !== partition.get(to)) calledFromOutside.add(to);
  }
  const perService: Record<string, number> = {};
  for (const [service, files] of servicesOf(partition)) {
    perService[service] = files.filter((f) => calledFromOutside.has(f)).length;
  }
  const counts = Object.values(perService);
  return { perService, mean: counts.length === 0 ? 0 : counts.reduce((a, b) => a + b, 0) / counts.length };
}
