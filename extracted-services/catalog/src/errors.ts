// Error codes the extracted services' commands print as `CODE: message`; every code is documented in docs/errors.md
// (a test keeps the two in sync). The reviews and catalog packages share this list.

export const SERVICE_ERRORS = {
  FICUS_SERVICE_USAGE:
    'The command line could not be understood (unknown option, missing --from/--to). Exit 2.',
  FICUS_SERVICE_DATA_MOVE_FAILED:
    'The data move could not run: no source database, or SQLite failed. Exit 1.',
  FICUS_SERVICE_DATA_MOVE_UNVERIFIED:
    'A moved table’s row count or checksum differs from its source. Exit 1.',
  FICUS_SERVICE_CONTRACT_MISMATCH:
    'The service answered some corpus request differently from the monolith. Exit 1.',
  FICUS_SERVICE_CONTRACT_FAILED:
    'The contract check could not run (a server did not start, a login failed). Exit 1.',
} as const;

export type ServiceErrorCode = keyof typeof SERVICE_ERRORS;

/** The one line a command prints on stderr for an error. */
export function errorLine(code: ServiceErrorCode, message: string): string {
  return `${code}: ${message}\n`;
}
