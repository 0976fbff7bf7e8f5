// Error codes of the `ficus` CLI; every code is documented in docs/errors.md (a test keeps the two in sync).

export const CLI_ERRORS = {
  FICUS_CLI_USAGE: 'The command line could not be understood (unknown command, option or missing argument).',
  FICUS_CLI_FAILED: 'The command ran and failed; the message names what failed.',
  FICUS_CLI_DATA_MOVE_FAILED: 'A service data move could not run: no source database, or SQLite failed.',
  FICUS_CLI_DATA_MOVE_UNVERIFIED: "A moved table's row count or checksum differs from its source.",
  FICUS_CLI_CONTRACT_MISMATCH: 'The service answered some corpus request differently from the monolith.',
  FICUS_CLI_CONTRACT_FAILED: 'The contract check could not run (a server did not start, a login failed).',
  FICUS_CLI_ADMIN_UNREACHABLE: 'The proxy admin API could not be reached at the given URL (exit 1).',
} as const;

export type CliErrorCode = keyof typeof CLI_ERRORS;

/** An error the CLI prints as `CODE: message` and maps to an exit code. */
export class CliError extends Error {
  readonly code: CliErrorCode;
  readonly exitCode: number;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
    this.exitCode = options?.exitCode ?? (code === 'FICUS_CLI_FAILED' ? 1 : 2);
  }
}
