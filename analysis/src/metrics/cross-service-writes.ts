// Routes whose writes touch tables owned by more than one service: each would need a distributed transaction or a saga.
import type { Partition } from './partition.js';
import { tableOwners } from './table-ownership.js';
import type { TableAccess } from '../extract/extracted-project.js';

export interface RouteWrites {
  readonly tables: { readonly write: readonly string[] };
}

export function crossServiceWriteRoutes(
  routes: readonly RouteWrites[],
  tables: readonly TableAccess[],
  partition: Partition,
): number {
  const owners = tableOwners(tables, partition);
  let count = 0;
  for (const route of routes) {
    const services = new Set(route.tables.write.map((t) => owners.get(t)).filter((s) => s !== undefined));
    if (services.size > 1) count += 1;
  }
  return count;
}
