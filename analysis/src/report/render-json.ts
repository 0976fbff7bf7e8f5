// The JSON result on disk: written pretty-printed, read back with a schemaVersion check so old files fail clearly.
import { AnalysisError } from '../errors.js';
import { SCHEMA_VERSION, type AnalysisResult } from './analysis-result.js';

export function renderJson(result: AnalysisResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** Parses a saved result; checks the version and the fields the renderers rely on, not every nested value. */
export function parseResult(text: string): AnalysisResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AnalysisError('FICUS_ANALYSIS_RESULT_INVALID', 'the saved result is not valid JSON', {
      cause: error,
    });
  }
  const record = (value ?? {}) as Record<string, unknown>;
  if (record.schemaVersion !== SCHEMA_VERSION) {
    throw new AnalysisError(
      'FICUS_ANALYSIS_RESULT_INVALID',
      `the saved result has schemaVersion ${JSON.stringify(record.schemaVersion)}; this version reads ${SCHEMA_VERSION}`,
    );
  }
  for (const field of ['files', 'routes', 'imports', 'seams', 'seamDependencies']) {
    if (!Array.isArray(record[field])) {
      throw new AnalysisError('FICUS_ANALYSIS_RESULT_INVALID', `the saved result has no "${field}" list`);
    }
  }
  if (typeof record.metrics !== 'object' || record.metrics === null) {
    throw new AnalysisError('FICUS_ANALYSIS_RESULT_INVALID', 'the saved result has no "metrics" object');
  }
  return value as AnalysisResult;
}
