// The seam analysis from end to end: load ▶ extract ▶ metrics ▶ seams ▶ report. Each line is one stage.
import type { ExtractedProject } from './extract/extracted-project.js';
import { extractProject } from './extract/extract-project.js';
import { buildDependencyGraph } from './metrics/dependency-graph.js';
import { computeFileMetrics, computeFolderMetrics, folderOf } from './metrics/module-metrics.js';
import { folderPartition } from './metrics/partition.js';
import { computePartitionMetrics } from './metrics/partition-metrics.js';
import { findCycles } from './metrics/strongly-connected-components.js';
import { readCommitFiles } from './read-git-history.js';
import { SCHEMA_VERSION, type AnalysisResult } from './report/analysis-result.js';
import { proposeSeams } from './seams/propose-seams.js';
import { seamDependencies } from './seams/seam-dependencies.js';

export { render } from './report/render.js';

export interface AnalyzeOptions {
  /** A tsconfig path, relative to the root or absolute. */
  readonly tsconfig?: string;
  /** Modularity resolution of the clustering (default 1): higher gives more, smaller seams. */
  readonly resolution?: number;
  /** Ask for exactly this many candidate services (shared infrastructure not counted). */
  readonly services?: number;
  /** Add co-change from `git log` to the evidence. */
  readonly git?: boolean;
  /** Seed of the clustering order (default 1). */
  readonly seed?: number;
  readonly onProgress?: (event: { stage: string; done: number; total: number }) => void;
}

export async function analyze(root: string, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const extracted = await extractProject(root, {
    ...(options.tsconfig === undefined ? {} : { tsconfig: options.tsconfig }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const commits = options.git ? readCommitFiles(extracted.root) : undefined;
  return analyzeExtracted(extracted, { ...options, ...(commits ? { commits } : {}) });
}

/** The stages after extraction, for callers that already hold an ExtractedProject (evaluation, tests). */
export function analyzeExtracted(
  project: ExtractedProject,
  options: AnalyzeOptions & { readonly commits?: readonly (readonly string[])[] } = {},
): AnalysisResult {
  const progress = options.onProgress;
  const seed = options.seed ?? 1;
  const resolution = options.resolution ?? 1;

  progress?.({ stage: 'metrics', done: 0, total: 1 });
  const dependencies = buildDependencyGraph(project);
  const cycles = findCycles(dependencies.files, (f) => dependencies.edges.get(f)?.keys() ?? []);
  const context = { graph: dependencies, routes: project.routes, tables: project.tables };

  progress?.({ stage: 'seams', done: 0, total: 1 });
  const proposal = proposeSeams(project, dependencies, cycles, {
    resolution,
    seed,
    ...(options.services === undefined ? {} : { services: options.services }),
    ...(options.commits === undefined ? {} : { commits: options.commits }),
  });

  progress?.({ stage: 'report', done: 0, total: 1 });
  const known = new Set(dependencies.files);
  return {
    schemaVersion: SCHEMA_VERSION,
    root: project.root,
    options: { resolution, services: options.services ?? null, seed, git: options.commits !== undefined },
    files: project.files.map((f) => ({
      path: f.path,
      module: folderOf(f.path),
      loc: f.loc,
      seam: proposal.partition.get(f.path) ?? '',
    })),
    routes: project.routes,
    imports: project.imports.filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to),
    seams: proposal.seams,
    seamDependencies: seamDependencies(dependencies, proposal.partition),
    metrics: {
      modules: computeFileMetrics(dependencies, project.files),
      folders: computeFolderMetrics(dependencies, project.files),
      cycles,
      partitions: {
        folders: computePartitionMetrics(context, folderPartition(dependencies.files)),
        proposal: computePartitionMetrics(context, proposal.partition),
      },
    },
    skipped: project.skipped,
  };
}
