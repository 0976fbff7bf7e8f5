// `npm run data-move -w extracted-services/catalog -- --from monolith.sqlite --to catalog.sqlite`: the command line.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorLine } from '../errors.js';
import { formatMoveResult } from '@ficus/tools/data-move';
import { moveCatalogData } from './catalog-tables.js';

const HELP = `Usage: npm run data-move -w extracted-services/catalog -- --from <monolith.sqlite> --to <catalog.sqlite>

Copies the catalog's tables (categories, products) and read-only copies of prices and stock from the monolith's
database into the service's database, in primary-key batches, then verifies row counts and SHA-256 checksums.
While the monolith still writes products, run it again to bring the copy level (equal rows are not rewritten,
rows gone from the source are deleted). A killed run resumes where it stopped.

Options:
  --from FILE        the monolith's SQLite database (read only)
  --to FILE          the service's SQLite database (created if missing)
  --batch-size N     rows per committed batch (default 1000)
  -h, --help         this text

Exit codes: 0 every table verified, 1 a table did not verify or the move failed, 2 usage error.
Relative paths are resolved against INIT_CWD (where npm was run) when set.`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(errorLine('FICUS_SERVICE_USAGE', (error as Error).message));
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.from === undefined || values.to === undefined) {
    process.stderr.write(errorLine('FICUS_SERVICE_USAGE', '--from and --to are required (see --help)'));
    return 2;
  }
  const batchSize = Number(values['batch-size'] ?? 1000);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    process.stderr.write(errorLine('FICUS_SERVICE_USAGE', '--batch-size must be a positive integer'));
    return 2;
  }
  // npm runs workspace scripts in the workspace folder; paths on the command line mean the caller's folder.
  const base = process.env.INIT_CWD || process.cwd();
  const from = resolve(base, values.from);
  if (!existsSync(from)) {
    process.stderr.write(errorLine('FICUS_SERVICE_DATA_MOVE_FAILED', `no database at ${from}`));
    return 1;
  }
  try {
    const result = moveCatalogData({
      from,
      to: resolve(base, values.to),
      batchSize,
      progress: (line) => process.stderr.write(`data-move ${line}\n`),
    });
    process.stdout.write(`${formatMoveResult(result)}\n`);
    const unverified = result.tables.filter((t) => !t.verified).map((t) => t.table);
    if (unverified.length === 0) return 0;
    process.stderr.write(
      errorLine(
        'FICUS_SERVICE_DATA_MOVE_UNVERIFIED',
        `${unverified.join(', ')} differ from the source (was it written during the move?)`,
      ),
    );
    return 1;
  } catch (error) {
    process.stderr.write(errorLine('FICUS_SERVICE_DATA_MOVE_FAILED', (error as Error).message));
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
