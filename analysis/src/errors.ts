// Error codes of the seam analysis; every code is documented in docs/errors.md (a test keeps the two in sync).

export const ANALYSIS_ERRORS = {
  FICUS_ANALYSIS_NO_SOURCES: 'No TypeScript or JavaScript source files were found under the given root.',
  FICUS_ANALYSIS_TSCONFIG_UNREADABLE: 'The given or found tsconfig does not exist or cannot be read.',
  FICUS_ANALYSIS_RESULT_INVALID:
    'A saved analysis result could not be read: not JSON, or a schemaVersion this version does not know.',
  FICUS_ANALYSIS_UNKNOWN_SEAM: 'No seam of the result has the requested id.',
  FICUS_ANALYSIS_GIT_FAILED: 'The git history of the analysed root could not be read (--git).',
} as const;

export type AnalysisErrorCode = keyof typeof ANALYSIS_ERRORS;

export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;

  constructor(code: AnalysisErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AnalysisError';
    this.code = code;
  }
}
