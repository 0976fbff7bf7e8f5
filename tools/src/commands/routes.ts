// `ficus routes`: prints the HTTP route inventory of a project (method, path, handler, tables) found by the analysis.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractProject } from '@ficus/analysis';
import type { ExtractedRoute } from '@ficus/analysis';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';

const help = `Usage: ficus routes <dir> [--json] [--tsconfig F]

Print the HTTP route inventory of a TypeScript or JavaScript project: every route
it serves (fastify, express, koa-router, NestJS, file-based routing) with its full
path, the handler that serves it and the tables the handler reads and writes.
Nothing is run: the sources are read statically.

Arguments:
  <dir>            the project root (its tsconfig.json is used when present)

Options:
  --json           print the routes as JSON (an array of { method, path, framework,
                   handler: { file, symbol }, reach, tables: { read, write } })
  --tsconfig F     the tsconfig to load, relative to <dir> (default <dir>/tsconfig.json;
                   without one, every source file under <dir> is read)
  -h, --help       show this help

Output columns: METHOD, PATH, HANDLER (file:symbol, relative to <dir>),
TABLES (r: tables read, w: tables written).

Examples:
  ficus routes monolith
  ficus routes ./my-app --json > routes.json

Exit codes: 0 ok; 1 the analysis failed; 2 usage (missing or unknown <dir>, bad option).
`;

// Progress lines are worth printing only when loading takes a while.
const PROGRESS_MIN_FILES = 500;

export const routesCommand: Command = {
  name: 'routes',
  summary: 'Print the HTTP route inventory of a project',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    const [dir, ...extra] = positionals;
    if (dir === undefined) throw new CliError('FICUS_CLI_USAGE', 'missing <dir>');
    if (extra.length > 0) throw new CliError('FICUS_CLI_USAGE', `unexpected argument "${extra[0]}"`);
    const root = resolve(io.cwd, dir);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw new CliError('FICUS_CLI_USAGE', `${dir} is not a directory`);
    }
    let project;
    try {
      project = await extractProject(root, {
        ...(values.tsconfig === undefined ? {} : { tsconfig: values.tsconfig }),
        onProgress: ({ stage, done, total }) => {
          if (total >= PROGRESS_MIN_FILES) io.stderr.write(`ficus routes: ${stage} ${done}/${total}\n`);
        },
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError('FICUS_CLI_FAILED', typeof code === 'string' ? `${code}: ${message}` : message, {
        cause: error,
      });
    }
    for (const skipped of project.skipped)
      io.stderr.write(`ficus routes: skipped ${skipped.path} (${skipped.reason})\n`);
    io.stdout.write(
      values.json ? `${JSON.stringify(project.routes, null, 2)}\n` : renderRoutes(project.routes),
    );
    return 0;
  },
};

/** The aligned table: METHOD, PATH, HANDLER, TABLES. */
export function renderRoutes(routes: readonly ExtractedRoute[]): string {
  if (routes.length === 0) return 'No routes found.\n';
  const rows = routes.map((route) => [
    route.method,
    route.path,
    `${route.handler.file}:${route.handler.symbol}`,
    describeTables(route.tables),
  ]);
  const header = ['METHOD', 'PATH', 'HANDLER', 'TABLES'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

function describeTables(tables: ExtractedRoute['tables']): string {
  const parts = [];
  if (tables.read.length > 0) parts.push(`r: ${tables.read.join(',')}`);
  if (tables.write.length > 0) parts.push(`w: ${tables.write.join(',')}`);
  return parts.length > 0 ? parts.join('  ') : '-';
}

function parse(argv: readonly string[]): {
  values: { json?: boolean; tsconfig?: string };
  positionals: string[];
} {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: 'boolean' }, tsconfig: { type: 'string' } },
    });
  } catch (error) {
    throw new CliError('FICUS_CLI_USAGE', error instanceof Error ? error.message : String(error));
  }
}
