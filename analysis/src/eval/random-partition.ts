// The random baseline: each file assigned to one of K services uniformly and independently, by a seeded generator.
import type { Partition } from '../metrics/partition.js';
import { seededRandom, type Random } from '../seams/seeded-random.js';

/**
 * Every file draws its service uniformly from K. A draw that leaves a service empty is redrawn (rejection sampling),
 * so the baseline has exactly K services like the proposal it is compared with, and stays uniform over those
 * partitions. Sizes vary as chance makes them, which is what a random decomposition looks like.
 */
export function randomPartition(files: readonly string[], services: number, seed: number): Partition {
  const random = seededRandom(seed);
  const k = Math.max(1, Math.min(services, files.length));
  const sorted = [...files].sort();
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const partition = draw(sorted, k, random);
    if (new Set(partition.values()).size === k) return partition;
  }
  // Only reachable when K is close to the file count; deal the first K files one per service then.
  const partition = draw(sorted, k, random);
  sorted.slice(0, k).forEach((file, i) => partition.set(file, `random-${i}`));
  return partition;
}

function draw(files: readonly string[], k: number, random: Random): Map<string, string> {
  return new Map(files.map((file) => [file, `random-${Math.floor(random() * k)}`]));
}
