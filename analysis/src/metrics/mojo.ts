// MoJo distance and MoJoFM: how many moves and joins turn one partition into another (Tzerpos & Holt; Wen & Tzerpos).
import type { Partition } from './partition.js';

/**
 * mno(A, B): the fewest Move and Join operations that turn A into B, computed exactly as n − Σᵢ vᵢ + g − L, where vᵢ is
 * the largest overlap of A's cluster i with any cluster of B (its tag), g the number of A's clusters and L the size of
 * a maximum matching between A's clusters and their possible tags (ties give a cluster several tags). Each A cluster
 * keeps the objects of its tag (the others move), and clusters sharing a tag are joined: matching tags to distinct
 * clusters wherever possible is what makes the join count minimal. Objects missing from either partition are ignored.
 */
export function mno(a: Partition, b: Partition): number {
  const objects = [...a.keys()].filter((o) => b.has(o));
  const aClusters = new Map<string, Map<string, number>>();
  for (const object of objects) {
    const from = a.get(object)!;
    const to = b.get(object)!;
    let overlaps = aClusters.get(from);
    if (!overlaps) aClusters.set(from, (overlaps = new Map()));
    overlaps.set(to, (overlaps.get(to) ?? 0) + 1);
  }
  let kept = 0;
  const tags: string[][] = [];
  for (const overlaps of aClusters.values()) {
    const best = Math.max(...overlaps.values());
    kept += best;
    tags.push([...overlaps].filter(([, n]) => n === best).map(([cluster]) => cluster));
  }
  return objects.length - kept + aClusters.size - maximumMatching(tags);
}

/** The MoJo distance: min(mno(A, B), mno(B, A)). */
export function mojoDistance(a: Partition, b: Partition): number {
  return Math.min(mno(a, b), mno(b, a));
}

/**
 * MoJoFM(A, B) = (1 − mno(A, B) / max over every A' of mno(A', B)) × 100, in percent; 100 means A equals the reference
 * B. The maximum is n − min over t of (t + |{clusters of B larger than t}|): see docs/metrics.md for why.
 */
export function mojoFm(proposal: Partition, reference: Partition): number {
  const worst = maxMno(
    reference,
    [...proposal.keys()].filter((o) => reference.has(o)),
  );
  if (worst === 0) return 100;
  return (1 - mno(proposal, reference) / worst) * 100;
}

function maxMno(reference: Partition, objects: readonly string[]): number {
  const sizes = new Map<string, number>();
  for (const object of objects) {
    const cluster = reference.get(object)!;
    sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
  }
  const sorted = [...sizes.values()].sort((x, y) => y - x);
  let best = sorted.length;
  for (let t = 1; t <= (sorted[0] ?? 0); t += 1)
    best = Math.min(best, t + sorted.filter((s) => s > t).length);
  return objects.length - best;
}

/** Maximum bipartite matching by augmenting paths (Kuhn); the inputs here are a few hundred clusters at most. */
function maximumMatching(adjacency: readonly (readonly string[])[]): number {
  const owner = new Map<string, number>();
  const augment = (left: number, seen: Set<string>): boolean => {
    for (const right of adjacency[left]!) {
      if (seen.has(right)) continue;
      seen.add(right);
      const current = owner.get(right);
      if (current === undefined || augment(current, seen)) {
        owner.set(right, left);
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let left = 0; left < adjacency.length; left += 1) if (augment(left, new Set())) size += 1;
  return size;
}
