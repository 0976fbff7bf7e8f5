// The directed, weighted file dependency graph that coupling metrics and partition metrics are computed on.
import type { ImportEdge, SymbolReference } from '../extract/extracted-project.js';

export interface DependencyGraph {
  /** Every analysed file, sorted. */
  readonly files: readonly string[];
  /** from → to → weight; no self-edges, both ends are analysed files. */
  readonly edges: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface DependencyInput {
  readonly files: readonly { readonly path: string }[];
  readonly imports: readonly ImportEdge[];
  readonly symbols: readonly SymbolReference[];
}

/**
 * One edge per ordered file pair that imports or references the other. The weight is the number of symbol
 * references (at least 1), so a file calling ten functions of another counts more than a bare import.
 */
export function buildDependencyGraph(input: DependencyInput): DependencyGraph {
  const files = [...new Set(input.files.map((f) => f.path))].sort();
  const known = new Set(files);
  const edges = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, weight: number): void => {
    if (from === to || !known.has(from) || !known.has(to)) return;
    let out = edges.get(from);
    if (!out) edges.set(from, (out = new Map()));
    out.set(to, Math.max(out.get(to) ?? 0, weight));
  };
  for (const edge of input.imports) add(edge.from, edge.to, 1);
  for (const ref of input.symbols) add(ref.from, ref.to, Math.max(1, ref.count));
  return { files, edges };
}
