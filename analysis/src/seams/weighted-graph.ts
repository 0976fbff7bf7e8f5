// The undirected weighted file graph seams are cut from: symmetric adjacency, one entry per unordered pair.

export type WeightedGraph = Map<string, Map<string, number>>;

export function addWeight(graph: WeightedGraph, a: string, b: string, weight: number): void {
  if (a === b || weight <= 0) return;
  let fromA = graph.get(a);
  if (!fromA) graph.set(a, (fromA = new Map()));
  let fromB = graph.get(b);
  if (!fromB) graph.set(b, (fromB = new Map()));
  fromA.set(b, (fromA.get(b) ?? 0) + weight);
  fromB.set(a, (fromB.get(a) ?? 0) + weight);
}

export function weightBetween(graph: WeightedGraph, a: string, b: string): number {
  return graph.get(a)?.get(b) ?? 0;
}
