// Error codes of the strangler proxy; every code is documented in docs/errors.md (a test keeps the two in sync).

export const PROXY_ERRORS = {
  FICUS_PROXY_CONFIG_INVALID: 'The static config failed validation; every problem is listed with its path.',
} as const;

export type ProxyErrorCode = keyof typeof PROXY_ERRORS;

export class ProxyError extends Error {
  readonly code: ProxyErrorCode;

  constructor(code: ProxyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProxyError';
    this.code = code;
  }
}
