// The extract stage's entry point: loads a project and extracts its file graph, symbols, routes and data access.
import type { ts } from 'ts-morph';
import type { LoadOptions } from '../load/load-project.js';
import { loadProject } from '../load/load-project.js';
import type { LoadedFile, LoadedProject } from '../load/loaded-project.js';
import { collectImportEdges, collectSymbolReferences } from './collect-file-graph.js';
import { countLoc } from './count-loc.js';
import { collectDataAccess } from './data-access/collect-data-access.js';
import type { FileDataAccess } from './data-access/collect-data-access.js';
import type { ExtractedFile, ExtractedProject, ExtractedRoute, SkippedFile } from './extracted-project.js';
import { linkModules } from './link-modules.js';
import { createReachFinder } from './reach/compute-reach.js';
import type { Reach } from './reach/compute-reach.js';
import { listTableAccess, resolveTableAccess } from './reach/resolve-table-access.js';
import { createModuleResolver } from './resolve-module.js';
import { extractRoutes } from './routes/extract-routes.js';
import type { ModuleScan } from './scan-module.js';
import { scanModule } from './scan-module.js';

export type ExtractOptions = LoadOptions;

/** Loads the project under `root` (its tsconfig, or the folder) and extracts everything later stages need. */
export async function extractProject(root: string, options: ExtractOptions = {}): Promise<ExtractedProject> {
  return extractLoadedProject(loadProject(root, options), options);
}

export async function extractLoadedProject(
  project: LoadedProject,
  options: ExtractOptions = {},
): Promise<ExtractedProject> {
  const progress = options.onProgress;
  const scans = new Map<string, ModuleScan>();
  const access = new Map<string, FileDataAccess>();
  const skipped = [...project.skipped];
  const warnings: SkippedFile[] = [];
  const analysed: LoadedFile[] = [];
  const files: ExtractedFile[] = [];
  project.files.forEach((file, index) => {
    // A file the walkers cannot handle (a generated file nested beyond the stack, say) is skipped, never fatal.
    let facts: FileFacts;
    try {
      facts = factsOf(file.sourceFile);
    } catch (error) {
      skipped.push({ path: file.path, reason: `extraction failed: ${messageOf(error)}` });
      return;
    }
    analysed.push(file);
    scans.set(file.path, facts.scan);
    access.set(file.path, facts.access);
    files.push({
      path: file.path,
      loc: facts.loc,
      exports: facts.scan.exportCount,
      abstractExports: facts.scan.abstractExportCount,
    });
    if (index % 200 === 199) progress?.({ stage: 'extract', done: index + 1, total: project.files.length });
  });
  progress?.({ stage: 'extract', done: project.files.length, total: project.files.length });
  const linked = linkModules(analysed, scans, createModuleResolver(project));
  const resolvedAccess = resolveTableAccess(linked, access);
  progress?.({ stage: 'routes', done: 0, total: 1 });
  const findReach = createReachFinder(linked, resolvedAccess);
  const warn = (path: string, error: unknown): void => {
    warnings.push({ path, reason: messageOf(error) });
  };
  const routes: ExtractedRoute[] = extractRoutes(linked, warn).map(({ method, path, framework, handler }) => {
    let reach: Reach;
    try {
      reach = findReach(handler.node ? { file: handler.file, node: handler.node } : undefined, handler.file);
    } catch (error) {
      warn(handler.file, error);
      reach = { reach: [handler.file], tables: { read: [], write: [] } };
    }
    return { method, path, framework, handler: { file: handler.file, symbol: handler.symbol }, ...reach };
  });
  progress?.({ stage: 'routes', done: 1, total: 1 });
  return {
    root: project.root,
    files,
    imports: collectImportEdges(linked),
    symbols: collectSymbolReferences(linked),
    routes,
    tables: listTableAccess(resolvedAccess),
    skipped,
    warnings,
  };
}

interface FileFacts {
  readonly scan: ModuleScan;
  readonly access: FileDataAccess;
  readonly loc: number;
}

// The loader hands out the same parsed file while a file's content hash is unchanged, so per-file facts are cached
// on it; they hold no path and nothing about other files.
const factsCache = new WeakMap<ts.SourceFile, FileFacts>();

function factsOf(sourceFile: ts.SourceFile): FileFacts {
  let facts = factsCache.get(sourceFile);
  if (!facts) {
    facts = {
      scan: scanModule(sourceFile),
      access: collectDataAccess(sourceFile),
      loc: countLoc(sourceFile),
    };
    factsCache.set(sourceFile, facts);
  }
  return facts;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
