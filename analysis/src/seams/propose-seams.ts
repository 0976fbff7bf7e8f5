// The seams stage: shared infrastructure out, cluster the rest, fit to K if asked, name and rank the candidates.
import type { ExtractedProject } from '../extract/extracted-project.js';
import type { DependencyGraph } from '../metrics/dependency-graph.js';
import type { Partition } from '../metrics/partition.js';
import { buildSeamGraph } from './build-seam-graph.js';
import { clusterFiles, mergeToCount, type Clusters } from './cluster-files.js';
import { findRouteSharedFiles, findStructuralSharedFiles } from './find-shared-infrastructure.js';
import { nameSeams, type SeamContent } from './name-seams.js';
import { createNameTokens } from './name-tokens.js';
import { rankSeams } from './rank-seams.js';
import { SHARED_SEAM_NAME, type Seam } from './seam.js';

export interface SeamOptions {
  /** Modularity resolution: above 1 gives more, smaller seams; below 1 fewer, larger ones. Default 1. */
  readonly resolution?: number;
  /** Exactly this many service candidates (the shared seam not counted), when the graph allows it. */
  readonly services?: number;
  /** Seed of the node order; the same seed gives the same seams. Default 1. */
  readonly seed?: number;
  /** File lists of past commits (`--git`). */
  readonly commits?: readonly (readonly string[])[];
}

export interface SeamProposal {
  readonly seams: Seam[];
  /** File → seam id, the shared seam included: the partition metrics are computed on. */
  readonly partition: Partition;
}

const SHARED_KEY = '\u0000shared';

export function proposeSeams(
  project: ExtractedProject,
  dependencies: DependencyGraph,
  cycles: readonly (readonly string[])[],
  options: SeamOptions = {},
): SeamProposal {
  const seed = options.seed ?? 1;
  const baseResolution = options.resolution ?? 1;
  const tokens = createNameTokens(project.files.map((f) => f.path));
  const routeShared = findRouteSharedFiles(project, tokens);
  const graph = buildSeamGraph(project, { exclude: routeShared, commits: options.commits ?? [], tokens });

  const clusterAt = (resolution: number): Clusters => {
    const clusters = clusterFiles(graph, resolution, seed);
    for (const file of findStructuralSharedFiles(dependencies, clusters, project, routeShared, tokens))
      clusters.delete(file);
    return clusters;
  };
  let resolution = baseResolution;
  let clusters = clusterAt(resolution);
  const wanted = options.services;
  if (wanted !== undefined) {
    // Too few seams: raise the resolution until Louvain splits enough, then merge down to exactly K.
    for (let step = 0; step < 16 && new Set(clusters.values()).size < wanted; step += 1) {
      resolution *= 1.5;
      clusters = clusterAt(resolution);
    }
    clusters = mergeToCount(graph, clusters, wanted, resolution);
  }

  const keyOf = new Map<string, string>(clusters);
  for (const file of project.files.map((f) => f.path)) if (!keyOf.has(file)) keyOf.set(file, SHARED_KEY);
  const contents = new Map<string, { files: string[]; routes: string[]; tables: Set<string> }>();
  for (const [file, key] of keyOf) {
    let content = contents.get(key);
    if (!content) contents.set(key, (content = { files: [], routes: [], tables: new Set() }));
    content.files.push(file);
  }
  for (const route of project.routes)
    contents.get(keyOf.get(route.handler.file) ?? '')?.routes.push(`${route.method} ${route.path}`);
  for (const access of project.tables)
    if (access.mode === 'write') contents.get(keyOf.get(access.file) ?? '')?.tables.add(access.table);
  const domainContents = new Map<string, SeamContent>();
  for (const [key, c] of contents)
    if (key !== SHARED_KEY) domainContents.set(key, { ...c, tables: [...c.tables] });
  const names = nameSeams(domainContents, tokens);
  names.set(SHARED_KEY, SHARED_SEAM_NAME);

  const seams = rankSeams({
    partition: keyOf,
    sharedKey: SHARED_KEY,
    names,
    dependencies,
    routes: project.routes,
    tables: project.tables,
    cycles,
  });
  const partition = new Map([...keyOf].map(([file, key]) => [file, names.get(key)!]));
  return { seams, partition };
}
