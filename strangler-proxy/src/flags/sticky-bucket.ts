// Sticky canary bucketing: a stable hash of (route id, key) into 10,000 buckets, one per 0.01 %.

export const BUCKETS = 10_000;

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser so that similar keys spread evenly. */
export function bucketOf(routeId: string, key: string): number {
  let h = 0x811c9dc5;
  const input = `${routeId}\u0000${key}`;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % BUCKETS;
}

/**
 * A key is on the service iff its bucket is below the threshold, so raising the percentage only ever adds buckets:
 * nobody already on the service moves back.
 */
export function inCanary(routeId: string, key: string, percent: number): boolean {
  return bucketOf(routeId, key) < Math.round(percent * 100);
}
