// Scores one project: MoJoFM against its ground truth and the partition metrics of truth, folders, proposal, random.
import { analyzeExtracted, type AnalyzeOptions } from '../analyze.js';
import type { ExtractedProject } from '../extract/extracted-project.js';
import { buildDependencyGraph } from '../metrics/dependency-graph.js';
import { mojoFm } from '../metrics/mojo.js';
import { folderPartition, servicesOf, type Partition } from '../metrics/partition.js';
import { computePartitionMetrics, type PartitionMetrics } from '../metrics/partition-metrics.js';
import { randomPartition } from './random-partition.js';

export type PartitionName = 'ground truth' | 'folders' | 'proposal' | 'random';

export interface EvaluationRow extends PartitionMetrics {
  readonly partition: PartitionName;
  readonly mojoFm: number;
}

export interface ProjectEvaluation {
  readonly project: string;
  readonly files: number;
  readonly routes: number;
  readonly rows: readonly EvaluationRow[];
}

export const RANDOM_SEED = 20261126;

/**
 * Files the ground truth does not list (generated, added later) are left out of every partition, so all four are
 * compared on the same files; the proposal itself is computed from the whole project with no hint from the truth.
 */
export function evaluateProject(
  name: string,
  project: ExtractedProject,
  truth: Partition,
  options: AnalyzeOptions = {},
): ProjectEvaluation {
  const result = analyzeExtracted(project, options);
  const files = project.files.map((f) => f.path).filter((f) => truth.has(f));
  const keep = new Set(files);
  const restrict = (p: Partition): Partition => new Map([...p].filter(([file]) => keep.has(file)));
  const proposal = restrict(new Map(result.files.map((f) => [f.path, f.seam])));
  const partitions: [PartitionName, Partition][] = [
    ['ground truth', restrict(truth)],
    ['folders', restrict(folderPartition(files))],
    ['proposal', proposal],
    ['random', randomPartition(files, servicesOf(proposal).size, RANDOM_SEED)],
  ];
  const scoped = {
    files: project.files.filter((f) => keep.has(f.path)),
    imports: project.imports,
    symbols: project.symbols,
  };
  const context = {
    graph: buildDependencyGraph(scoped),
    routes: project.routes.map((r) => ({ ...r, reach: r.reach.filter((f) => keep.has(f)) })),
    tables: project.tables.filter((a) => keep.has(a.file)),
  };
  const truthPartition = partitions[0]![1];
  return {
    project: name,
    files: files.length,
    routes: project.routes.length,
    rows: partitions.map(([partition, p]) => ({
      partition,
      mojoFm: mojoFm(p, truthPartition),
      ...computePartitionMetrics(context, p),
    })),
  };
}
