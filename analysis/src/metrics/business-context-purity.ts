// BCP with routes as business contexts: how many services a route's reach spans (Kalia et al. use business use cases).
import type { Partition } from './partition.js';

export interface RouteReach {
  /** Files the route's handler reaches, including the handler's file. */
  readonly reach: readonly string[];
}

/**
 * Mean over routes of the number of distinct services holding a file of the route's reach. 1 means every route is
 * served by one service alone; lower is better. `null` when there are no routes to measure.
 */
export function businessContextPurity(routes: readonly RouteReach[], partition: Partition): number | null {
  if (routes.length === 0) return null;
  let total = 0;
  for (const route of routes) {
    const services = new Set<string>();
    for (const file of route.reach) {
      const service = partition.get(file);
      if (service !== undefined) services.add(service);
    }
    total += Math.max(1, services.size);
  }
  return total / routes.length;
}
