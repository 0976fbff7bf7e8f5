// NED, non-extreme distribution (Wu, Hassan and Holt), counted in files: how much code sits in services of sensible size.
import { servicesOf, type Partition } from './partition.js';

export const NED_MIN_FILES = 5;
export const NED_MAX_FILES = 20;

/** Share of files that belong to a service of NED_MIN_FILES to NED_MAX_FILES files, in [0, 1]. Higher is better. */
export function nonExtremeDistribution(
  partition: Partition,
  min = NED_MIN_FILES,
  max = NED_MAX_FILES,
): number {
  if (partition.size === 0) return 0;
  let inRange = 0;
  for (const files of servicesOf(partition).values()) {
    if (files.length >= min && files.length <= max) inRange += files.length;
  }
  return inRange / partition.size;
}
