// The versioned JSON result of `ficus analyze` (DESIGN.md §3): the source of truth every other format is rendered from.
import type { ModuleMetrics } from '../metrics/module-metrics.js';
import type { PartitionMetrics } from '../metrics/partition-metrics.js';
import type { Seam } from '../seams/seam.js';
import type { SeamDependency } from '../seams/seam-dependencies.js';

/** Bumped on any incompatible change of the shape below; readers refuse versions they do not know. */
export const SCHEMA_VERSION = 1;

export interface ResultFile {
  readonly path: string;
  /** The folder the file lives in: the as-is module it belongs to. */
  readonly module: string;
  readonly loc: number;
  /** Id of the seam the file is proposed for. */
  readonly seam: string;
}

export interface ResultRoute {
  readonly method: string;
  readonly path: string;
  readonly framework: string;
  readonly handler: { readonly file: string; readonly symbol: string };
  readonly reach: readonly string[];
  readonly tables: { readonly read: readonly string[]; readonly write: readonly string[] };
}

export interface ResultImport {
  readonly from: string;
  readonly to: string;
  /** `static`, `re-export`, `dynamic`, `require` or `type-only`. */
  readonly kind: string;
}

export interface AnalysisResult {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  /** Absolute path of the analysed root; every other path is relative to it. */
  readonly root: string;
  readonly options: {
    readonly resolution: number;
    readonly services: number | null;
    readonly seed: number;
    readonly git: boolean;
  };
  readonly files: readonly ResultFile[];
  readonly routes: readonly ResultRoute[];
  /** The file import graph (between analysed files), which the dependency-cruiser rules are generated from. */
  readonly imports: readonly ResultImport[];
  /** Ranked: the cheapest candidate first, the shared seam (if any) last. */
  readonly seams: readonly Seam[];
  /** File-to-file dependencies between seams, summed per ordered pair. */
  readonly seamDependencies: readonly SeamDependency[];
  readonly metrics: {
    readonly modules: readonly ModuleMetrics[];
    readonly folders: readonly ModuleMetrics[];
    readonly cycles: readonly (readonly string[])[];
    readonly partitions: { readonly folders: PartitionMetrics; readonly proposal: PartitionMetrics };
  };
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

export type OutputFormat = 'json' | 'md' | 'html' | 'dot' | 'mermaid';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'md', 'html', 'dot', 'mermaid'];
