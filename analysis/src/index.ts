// Public API of @ficus/analysis: re-exports only.
export { extractProject, extractLoadedProject } from './extract/extract-project.js';
export type { ExtractOptions } from './extract/extract-project.js';
export { loadProject } from './load/load-project.js';
export type { LoadOptions } from './load/load-project.js';
export type { LoadedProject, LoadedFile } from './load/loaded-project.js';
export type * from './extract/extracted-project.js';
export { AnalysisError, ANALYSIS_ERRORS } from './errors.js';
export type { AnalysisErrorCode } from './errors.js';
export { analyze, analyzeExtracted, render } from './analyze.js';
export type { AnalyzeOptions } from './analyze.js';
export { SCHEMA_VERSION, OUTPUT_FORMATS } from './report/analysis-result.js';
export type {
  AnalysisResult,
  OutputFormat,
  ResultFile,
  ResultRoute,
  ResultImport,
} from './report/analysis-result.js';
export { parseResult } from './report/render-json.js';
export { proxyRoutesFor, renderProxyRoutes } from './report/proxy-routes.js';
export type { ProxyRouteEntry, ProxyRoutesFragment } from './report/proxy-routes.js';
export { depcruiseRulesFor, renderDepcruiseRules } from './report/depcruise-rules.js';
export type { Seam } from './seams/seam.js';
export type { ModuleMetrics } from './metrics/module-metrics.js';
export type { PartitionMetrics } from './metrics/partition-metrics.js';
