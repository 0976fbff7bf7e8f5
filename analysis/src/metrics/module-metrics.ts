// Martin's package metrics (Ca, Ce, instability, abstractness, distance) per file and per folder.
import type { DependencyGraph } from './dependency-graph.js';

export interface ModuleMetrics {
  /** A file path, or a folder path for folder metrics (`.` for the root). */
  readonly module: string;
  /** Afferent coupling: modules outside that depend on this one. */
  readonly ca: number;
  /** Efferent coupling: modules outside this one that it depends on. */
  readonly ce: number;
  /** Ce / (Ca + Ce); 0 when the module is not coupled at all. */
  readonly instability: number;
  /** Abstract exports / exports; 0 when nothing is exported. */
  readonly abstractness: number;
  /** |A + I − 1|: distance from the main sequence. */
  readonly distance: number;
}

export interface ExportCounts {
  readonly path: string;
  readonly exports: number;
  readonly abstractExports: number;
}

/** One row per file: Ca and Ce count distinct files, not edges or weights. */
export function computeFileMetrics(graph: DependencyGraph, files: readonly ExportCounts[]): ModuleMetrics[] {
  return computeGroupedMetrics(graph, files, (path) => path);
}

/** One row per folder (the file's directory): Ca and Ce count distinct files outside the folder, as Martin counts classes outside a package. */
export function computeFolderMetrics(
  graph: DependencyGraph,
  files: readonly ExportCounts[],
): ModuleMetrics[] {
  return computeGroupedMetrics(graph, files, folderOf);
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

function computeGroupedMetrics(
  graph: DependencyGraph,
  files: readonly ExportCounts[],
  moduleOf: (path: string) => string,
): ModuleMetrics[] {
  const afferent = new Map<string, Set<string>>();
  const efferent = new Map<string, Set<string>>();
  const exportsOf = new Map<string, { exports: number; abstract: number }>();
  const touch = <T>(map: Map<string, Set<T>>, key: string): Set<T> => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    return set;
  };
  for (const file of graph.files) {
    const module = moduleOf(file);
    touch(afferent, module);
    touch(efferent, module);
  }
  for (const file of files) {
    const module = moduleOf(file.path);
    const counts = exportsOf.get(module) ?? { exports: 0, abstract: 0 };
    counts.exports += file.exports;
    counts.abstract += file.abstractExports;
    exportsOf.set(module, counts);
  }
  for (const [from, out] of graph.edges) {
    const fromModule = moduleOf(from);
    for (const to of out.keys()) {
      const toModule = moduleOf(to);
      if (fromModule === toModule) continue;
      touch(efferent, fromModule).add(to);
      touch(afferent, toModule).add(from);
    }
  }
  return [...afferent.keys()].sort().map((module) => {
    const ca = afferent.get(module)?.size ?? 0;
    const ce = efferent.get(module)?.size ?? 0;
    const instability = ca + ce === 0 ? 0 : ce / (ca + ce);
    const counts = exportsOf.get(module);
    const abstractness = counts && counts.exports > 0 ? counts.abstract / counts.exports : 0;
    return { module, ca, ce, instability, abstractness, distance: Math.abs(abstractness + instability - 1) };
  });
}
