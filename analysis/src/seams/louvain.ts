// Louvain modularity clustering with a resolution knob, deterministic for a given seed.
import { shuffled, type Random } from './seeded-random.js';

/**
 * Adjacency by node index; symmetric; `adjacency[i].get(i)` is a self-loop holding the weight of ordered pairs inside
 * an aggregated node. Returns a community index per node, numbered from 0 in order of first appearance.
 *
 * Higher resolution gives more, smaller communities (the γ of Reichardt and Bornholdt's generalised modularity).
 */
export function louvain(
  adjacency: readonly ReadonlyMap<number, number>[],
  resolution: number,
  random: Random,
): number[] {
  let membership = adjacency.map((_, i) => i);
  let level = adjacency;
  for (let round = 0; round < 32; round += 1) {
    const local = moveNodes(level, resolution, random);
    const count = renumber(local);
    membership = membership.map((c) => local[c]!);
    if (count === level.length) break;
    level = aggregate(level, local, count);
  }
  renumber(membership);
  return membership;
}

function moveNodes(
  adjacency: readonly ReadonlyMap<number, number>[],
  resolution: number,
  random: Random,
): number[] {
  const degree = adjacency.map((row) => [...row.values()].reduce((a, b) => a + b, 0));
  const twoM = degree.reduce((a, b) => a + b, 0);
  const community = adjacency.map((_, i) => i);
  if (twoM === 0) return community;
  const total = [...degree];
  const order = shuffled(
    adjacency.map((_, i) => i),
    random,
  );
  for (let pass = 0; pass < 100; pass += 1) {
    let moved = 0;
    for (const node of order) {
      const own = community[node]!;
      const links = new Map<number, number>();
      for (const [neighbour, weight] of adjacency[node]!) {
        if (neighbour === node) continue;
        const c = community[neighbour]!;
        links.set(c, (links.get(c) ?? 0) + weight);
      }
      total[own]! -= degree[node]!;
      const gain = (c: number): number =>
        (links.get(c) ?? 0) - (resolution * total[c]! * degree[node]!) / twoM;
      let best = own;
      let bestGain = gain(own);
      for (const c of [...links.keys()].sort((a, b) => a - b)) {
        const g = gain(c);
        if (g > bestGain + 1e-12) {
          best = c;
          bestGain = g;
        }
      }
      total[best]! += degree[node]!;
      if (best !== own) {
        community[node] = best;
        moved += 1;
      }
    }
    if (moved === 0) break;
  }
  return community;
}

/** Renumbers communities 0..k−1 in order of first appearance, in place; returns k. */
function renumber(community: number[]): number {
  const ids = new Map<number, number>();
  for (let i = 0; i < community.length; i += 1) {
    const c = community[i]!;
    let id = ids.get(c);
    if (id === undefined) ids.set(c, (id = ids.size));
    community[i] = id;
  }
  return ids.size;
}

function aggregate(
  adjacency: readonly ReadonlyMap<number, number>[],
  community: readonly number[],
  count: number,
): Map<number, number>[] {
  const next = Array.from({ length: count }, () => new Map<number, number>());
  adjacency.forEach((row, i) => {
    const ci = community[i]!;
    for (const [j, weight] of row) {
      const cj = community[j]!;
      next[ci]!.set(cj, (next[ci]!.get(cj) ?? 0) + weight);
    }
  });
  return next;
}

/** Generalised modularity of a partition: Σ_c [ in_c / 2m − γ (tot_c / 2m)² ]. */
export function modularity(
  adjacency: readonly ReadonlyMap<number, number>[],
  community: readonly number[],
  resolution: number,
): number {
  let twoM = 0;
  const inside = new Map<number, number>();
  const total = new Map<number, number>();
  adjacency.forEach((row, i) => {
    const ci = community[i]!;
    for (const [j, weight] of row) {
      twoM += weight;
      total.set(ci, (total.get(ci) ?? 0) + weight);
      if (community[j] === ci) inside.set(ci, (inside.get(ci) ?? 0) + weight);
    }
  });
  if (twoM === 0) return 0;
  let q = 0;
  for (const [c, tot] of total) q += (inside.get(c) ?? 0) / twoM - resolution * (tot / twoM) ** 2;
  return q;
}
