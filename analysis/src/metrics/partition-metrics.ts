// Every partition metric of one partition in one record, as the report and the evaluation show them.
import type { ExtractedRoute, TableAccess } from '../extract/extracted-project.js';
import type { DependencyGraph } from './dependency-graph.js';
import { structuralModularity } from './structural-modularity.js';
import { interCallPercentage } from './inter-call-percentage.js';
import { interfaceNumber } from './interface-number.js';
import { nonExtremeDistribution } from './non-extreme-distribution.js';
import { businessContextPurity } from './business-context-purity.js';
import { crossServiceWriteRoutes } from './cross-service-writes.js';
import { servicesOf, type Partition } from './partition.js';

export interface PartitionMetrics {
  readonly services: number;
  /** Structural modularity; higher is better. */
  readonly sm: number;
  /** Inter-call percentage in [0, 1]; lower is better. */
  readonly icp: number;
  /** Mean interface number; lower is better. */
  readonly ifn: number;
  readonly ifnPerService: Readonly<Record<string, number>>;
  /** Non-extreme distribution in [0, 1]; higher is better. */
  readonly ned: number;
  /** Mean services spanned per route; lower is better; null without routes. */
  readonly bcp: number | null;
  /** Routes writing tables of more than one service; lower is better. */
  readonly crossServiceWriteRoutes: number;
}

export interface PartitionContext {
  readonly graph: DependencyGraph;
  readonly routes: readonly Pick<ExtractedRoute, 'reach' | 'tables'>[];
  readonly tables: readonly TableAccess[];
}

export function computePartitionMetrics(context: PartitionContext, partition: Partition): PartitionMetrics {
  const ifn = interfaceNumber(context.graph, partition);
  return {
    services: servicesOf(partition).size,
    sm: structuralModularity(context.graph, partition),
    icp: interCallPercentage(context.graph, partition),
    ifn: ifn.mean,
    ifnPerService: ifn.perService,
    ned: nonExtremeDistribution(partition),
    bcp: businessContextPurity(context.routes, partition),
    crossServiceWriteRoutes: crossServiceWriteRoutes(context.routes, context.tables, partition),
  };
}
