// The command line every service's `npm run data-move` shares: options, progress on stderr, the table on stdout.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MoveOptions, MoveResult } from './move-tables.js';
import { formatMoveResult } from './format-move-result.js';

export interface DataMoveCli {
  /** The first line of `--help`, e.g. `npm run data-move -w extracted-services/reviews -- --from X --to Y`. */
  readonly usage: string;
  /** What this service's move copies, for `--help`. */
  readonly description: string;
  readonly move: (options: Omit<MoveOptions, 'tables' | 'prepareTarget'>) => MoveResult;
}

const OPTIONS_HELP = `Options:
  --from FILE        the monolith's SQLite database (read only)
  --to FILE          the service's SQLite database (created if missing)
  --batch-size N     rows per committed batch (default 1000)
  -h, --help         this text

Exit codes: 0 every table verified, 1 a table did not verify or the move failed, 2 usage error.
Relative paths are resolved against INIT_CWD (where npm was run) when set.`;

/** Runs the move for `argv` and returns the exit code. */
export function runDataMoveCli(cli: DataMoveCli, argv: readonly string[], io = processIo()): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return fail(io, 'FICUS_CLI_USAGE', (error as Error).message, 2);
  }
  if (values.help === true) {
    io.stdout(`Usage: ${cli.usage}\n\n${cli.description}\n\n${OPTIONS_HELP}\n`);
    return 0;
  }
  if (values.from === undefined || values.to === undefined) {
    return fail(io, 'FICUS_CLI_USAGE', '--from and --to are required (see --help)', 2);
  }
  const batchSize = Number(values['batch-size'] ?? 1000);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    return fail(io, 'FICUS_CLI_USAGE', '--batch-size must be a positive integer', 2);
  }
  // npm runs workspace scripts in the workspace folder; paths on the command line mean the caller's folder.
  const base = process.env.INIT_CWD || process.cwd();
  const from = resolve(base, values.from);
  if (!existsSync(from)) return fail(io, 'FICUS_CLI_DATA_MOVE_FAILED', `no database at ${from}`, 1);
  try {
    const result = cli.move({
      from,
      to: resolve(base, values.to),
      batchSize,
      progress: (line) => io.stderr(`data-move ${line}\n`),
    });
    io.stdout(`${formatMoveResult(result)}\n`);
    const unverified = result.tables.filter((t) => !t.verified).map((t) => t.table);
    if (unverified.length === 0) return 0;
    return fail(
      io,
      'FICUS_CLI_DATA_MOVE_UNVERIFIED',
      `${unverified.join(', ')} differ from the source (was it written during the move?)`,
      1,
    );
  } catch (error) {
    return fail(io, 'FICUS_CLI_DATA_MOVE_FAILED', (error as Error).message, 1);
  }
}

export interface LineIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export function processIo(): LineIo {
  return { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
}

function fail(io: LineIo, code: string, message: string, exitCode: number): number {
  io.stderr(`${code}: ${message}\n`);
  return exitCode;
}
