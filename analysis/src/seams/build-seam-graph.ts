// Combines imports, symbol references, shared tables, route reach, name words and co-change into one weighted graph.
import type { ExtractedProject } from '../extract/extracted-project.js';
import { createNameTokens, stem, type NameTokens } from './name-tokens.js';
import {
  HUB_DEGREE,
  HUB_TABLES,
  MAX_COMMIT_FILES,
  MAX_TOKEN_FILES,
  MAX_TOKEN_SHARE,
  SEAM_WEIGHTS,
} from './seam-weights.js';
import { addWeight, type WeightedGraph } from './weighted-graph.js';

export type SeamEvidence = Pick<ExtractedProject, 'files' | 'imports' | 'symbols' | 'tables' | 'routes'>;

export interface SeamGraphOptions {
  /** Files left out of the graph (shared infrastructure). */
  readonly exclude?: ReadonlySet<string>;
  /** File lists of past commits, for co-change (`--git`). */
  readonly commits?: readonly (readonly string[])[];
  readonly weights?: typeof SEAM_WEIGHTS;
  /** The project's name tokenizer (built from all files when absent). */
  readonly tokens?: NameTokens;
}

export function buildSeamGraph(evidence: SeamEvidence, options: SeamGraphOptions = {}): WeightedGraph {
  const w = options.weights ?? SEAM_WEIGHTS;
  const exclude = options.exclude ?? new Set<string>();
  const files = evidence.files.map((f) => f.path).filter((f) => !exclude.has(f));
  const included = new Set(files);
  const graph: WeightedGraph = new Map(files.map((f) => [f, new Map()]));
  const link = (a: string, b: string, weight: number): void => {
    if (included.has(a) && included.has(b)) addWeight(graph, a, b, weight);
  };

  const fanOut = new Map<string, Set<string>>();
  const fanIn = new Map<string, Set<string>>();
  for (const edge of evidence.imports) {
    if (!included.has(edge.from) || !included.has(edge.to)) continue;
    addTo(fanOut, edge.from, edge.to);
    addTo(fanIn, edge.to, edge.from);
  }
  const hub = (from: string, to: string): number =>
    damp(fanOut.get(from)?.size ?? 0, HUB_DEGREE) * damp(fanIn.get(to)?.size ?? 0, HUB_DEGREE);
  for (const edge of evidence.imports) {
    link(edge.from, edge.to, (edge.kind === 'type-only' ? w.typeImport : w.import) * hub(edge.from, edge.to));
  }
  for (const ref of evidence.symbols) {
    link(ref.from, ref.to, w.symbolReference * Math.log2(1 + ref.count) * hub(ref.from, ref.to));
  }

  addTableWeights(evidence, link, w);
  addRouteReachWeights(evidence, included, link, w);
  addNameWeights(files, options.tokens ?? createNameTokens(evidence.files.map((f) => f.path)), link, w);
  for (const commit of options.commits ?? []) {
    const touched = [...new Set(commit)].filter((f) => included.has(f)).sort();
    if (touched.length < 2 || touched.length > MAX_COMMIT_FILES) continue;
    const weight = w.coChange / (touched.length - 1);
    for (let i = 0; i < touched.length; i += 1) {
      for (let j = i + 1; j < touched.length; j += 1) link(touched[i]!, touched[j]!, weight);
    }
  }
  return graph;
}

type Link = (a: string, b: string, weight: number) => void;

function damp(degree: number, limit: number): number {
  return degree <= limit ? 1 : limit / degree;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function addTableWeights(evidence: SeamEvidence, link: Link, w: typeof SEAM_WEIGHTS): void {
  const byTable = new Map<string, Map<string, boolean>>();
  const tablesOf = new Map<string, Set<string>>();
  for (const access of evidence.tables) addTo(tablesOf, access.file, access.table);
  for (const access of evidence.tables) {
    let files = byTable.get(access.table);
    if (!files) byTable.set(access.table, (files = new Map()));
    files.set(access.file, (files.get(access.file) ?? false) || access.mode === 'write');
  }
  for (const files of byTable.values()) {
    const list = [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    if (list.length < 2) continue;
    const spread = list.length - 1;
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const [a, aWrites] = list[i]!;
        const [b, bWrites] = list[j]!;
        const weight =
          aWrites && bWrites ? w.tableWriteWrite : aWrites || bWrites ? w.tableWriteRead : w.tableReadRead;
        const hub = damp(tablesOf.get(a)!.size, HUB_TABLES) * damp(tablesOf.get(b)!.size, HUB_TABLES);
        link(a, b, (weight / spread) * hub);
      }
    }
  }
}

/**
 * Ties each handler file to the files its routes reach, in proportion to the share of its routes reaching them, and
 * divided among every handler file reaching the same file: a file only one controller reaches belongs with it.
 */
function addRouteReachWeights(
  evidence: SeamEvidence,
  included: ReadonlySet<string>,
  link: Link,
  w: typeof SEAM_WEIGHTS,
): void {
  const routesByHandler = new Map<string, Map<string, number>>();
  const routeCount = new Map<string, number>();
  for (const route of evidence.routes) {
    const handler = route.handler.file;
    if (!included.has(handler)) continue;
    routeCount.set(handler, (routeCount.get(handler) ?? 0) + 1);
    let reached = routesByHandler.get(handler);
    if (!reached) routesByHandler.set(handler, (reached = new Map()));
    for (const file of route.reach) if (included.has(file)) reached.set(file, (reached.get(file) ?? 0) + 1);
  }
  const handlersReaching = new Map<string, number>();
  for (const reached of routesByHandler.values()) {
    for (const file of reached.keys()) handlersReaching.set(file, (handlersReaching.get(file) ?? 0) + 1);
  }
  for (const [handler, reached] of routesByHandler) {
    const routes = routeCount.get(handler)!;
    for (const [file, count] of reached) {
      link(handler, file, (w.routeReach * (count / routes)) / handlersReaching.get(file)!);
    }
  }
}

function addNameWeights(
  files: readonly string[],
  nameTokens: NameTokens,
  link: Link,
  w: typeof SEAM_WEIGHTS,
): void {
  const byToken = new Map<string, string[]>();
  for (const file of files) {
    for (const token of new Set(nameTokens(file).map(stem))) {
      const list = byToken.get(token);
      if (list) list.push(file);
      else byToken.set(token, [file]);
    }
  }
  const limit = Math.min(MAX_TOKEN_FILES, Math.max(2, Math.floor(files.length * MAX_TOKEN_SHARE)));
  for (const list of byToken.values()) {
    if (list.length < 2 || list.length > limit) continue;
    const weight = w.nameToken / (list.length - 1);
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) link(list[i]!, list[j]!, weight);
    }
  }
}
