import t from 'tap';
import { mno, mojoDistance, mojoFm } from '../../src/metrics/mojo.js';
import type { Partition } from '../../src/metrics/partition.js';

const partitionOf = (clusters: string[][]): Partition =>
  new Map(clusters.flatMap((members, i) => members.map((m) => [m, `c${i}`] as const)));

t.test('mno counts moves and joins for a hand-worked example', async (t) => {
  const a = partitionOf([['1', '2', '3'], ['4', '5'], ['6']]);
  const b = partitionOf([
    ['1', '2'],
    ['3', '4', '5', '6'],
  ]);
  // A → B: move 3 next to 4 and 5, join {6} with them: 2. B → A: move 3 out and 6 out: 2.
  t.equal(mno(a, b), 2);
  t.equal(mno(b, a), 2);
  t.equal(mojoDistance(a, b), 2);
  // The worst partition is 4 operations away from B (n = 6, min over t of t + |clusters larger than t| = 2).
  t.equal(mojoFm(a, b), 50);
  t.equal(mojoFm(b, b), 100);
});

// Every set partition of the given objects (Bell numbers: 52 for five objects).
function allPartitions(objects: readonly string[]): string[][][] {
  if (objects.length === 0) return [[]];
  const [first, ...rest] = objects;
  const result: string[][][] = [];
  for (const partition of allPartitions(rest)) {
    result.push([[first!], ...partition]);
    partition.forEach((_, i) => {
      result.push(partition.map((cluster, j) => (i === j ? [first!, ...cluster] : cluster)));
    });
  }
  return result;
}

const keyOf = (clusters: string[][]): string =>
  clusters
    .map((c) => [...c].sort().join(''))
    .sort()
    .join('|');

// Brute force: breadth-first search over Move (one object to another or a new cluster) and Join operations.
function bruteForceMno(from: string[][], to: string[][]): number {
  const target = keyOf(to);
  let frontier = [from];
  const seen = new Set([keyOf(from)]);
  for (let depth = 0; ; depth += 1) {
    if (frontier.some((p) => keyOf(p) === target)) return depth;
    const next: string[][][] = [];
    for (const p of frontier) {
      const neighbours: string[][][] = [];
      p.forEach((cluster, i) => {
        for (const object of cluster) {
          const without = p.map((c, j) => (j === i ? c.filter((o) => o !== object) : c));
          neighbours.push([...without, [object]]);
          without.forEach((_, j) => {
            if (j !== i) neighbours.push(without.map((c, k) => (k === j ? [...c, object] : c)));
          });
        }
        for (let j = i + 1; j < p.length; j += 1) {
          neighbours.push([...p.filter((_, k) => k !== i && k !== j), [...cluster, ...p[j]!]]);
        }
      });
      for (const n of neighbours) {
        const clean = n.filter((c) => c.length > 0);
        const key = keyOf(clean);
        if (!seen.has(key)) {
          seen.add(key);
          next.push(clean);
        }
      }
    }
    frontier = next;
  }
}

t.test('mno equals the brute-force minimum on every pair of partitions of five objects', async (t) => {
  const partitions = allPartitions(['a', 'b', 'c', 'd', 'e']);
  t.equal(partitions.length, 52);
  let mismatches = 0;
  for (const from of partitions) {
    for (const to of partitions) {
      if (mno(partitionOf(from), partitionOf(to)) !== bruteForceMno(from, to)) mismatches += 1;
    }
  }
  t.equal(mismatches, 0);
});

t.test('MoJoFM reaches exactly 0 for the farthest partition, and never goes below', async (t) => {
  const objects = ['a', 'b', 'c', 'd', 'e', 'f'];
  for (const reference of [
    [
      ['a', 'b', 'c', 'd'],
      ['e', 'f'],
    ],
    [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
    [['a'], ['b'], ['c'], ['d', 'e', 'f']],
    [objects],
  ]) {
    const scores = allPartitions(objects).map((p) => mojoFm(partitionOf(p), partitionOf(reference)));
    t.equal(Math.min(...scores), 0, `worst case for ${keyOf(reference)}`);
  }
});
