// Error codes of the seam analysis; every code is documented in docs/errors.md (a test keeps the two in sync).

export const ANALYSIS_ERRORS = {
  FICUS_ANALYSIS_NO_SOURCES: 'No TypeScript or JavaScript source files were found under the given root.',
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
