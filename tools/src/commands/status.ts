// `ficus status`: migration progress: routes and traffic served by services, per service and overall, and the
// moves over time from the audit trail.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditEntry, RouteView } from '@ficus/strangler-proxy';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';
import { AdminRefusal, DEFAULT_ADMIN, adminClient } from '../admin-api/admin-client.js';
import { summarizeProgress, type Progress } from './status-progress.js';

const help = `Usage: ficus status [--admin URL] [--analysis F] [--json]

Migration progress, read from the proxy's admin API: per service and overall, how many routes are
on each stage, the share of recent traffic the services answered (the proxy's 60 s window), and the
moves over time from the audit trail.

Options:
  --admin URL     admin API (default ${DEFAULT_ADMIN}, or FICUS_ADMIN_URL)
  --analysis F    a saved \`ficus analyze --format json\` result: counts the monolith's whole route
                  inventory, so routes not yet in the proxy config show as not started
  --json          print the numbers as JSON
  -h, --help      show this help

Environment:
  FICUS_TOKEN     bearer token for the admin API (required)

Exit codes: 0 ok; 1 the admin API refused or could not be reached; 2 usage.
`;

export const statusCommand: Command = {
  name: 'status',
  summary: 'Migration progress: routes and traffic served by services, per service and overall',
  help,
  async run(argv, io) {
    const values = parse(argv);
    const token = io.env.FICUS_TOKEN;
    if (token === undefined || token === '') throw usage('set FICUS_TOKEN to an admin API token');
    const inventory = values.analysis === undefined ? null : readInventory(resolve(io.cwd, values.analysis));
    const client = adminClient(values.admin ?? io.env.FICUS_ADMIN_URL ?? DEFAULT_ADMIN, token);
    let routes: RouteView[];
    let audit: AuditEntry[];
    try {
      routes = ((await client.get('/routes')) as { routes: RouteView[] }).routes;
      audit = ((await client.get('/audit?limit=1000')) as { entries: AuditEntry[] }).entries;
    } catch (error) {
      if (!(error instanceof AdminRefusal)) throw error;
      io.stderr.write(`${error.code}: ${error.message}\n`);
      return 1;
    }
    const progress = summarizeProgress(routes, audit, inventory);
    io.stdout.write(
      values.json === true ? `${JSON.stringify(progress, null, 2)}\n` : renderProgress(progress),
    );
    return 0;
  },
};

function renderProgress(p: Progress): string {
  const pct = (share: number | null): string => (share === null ? '-' : `${(share * 100).toFixed(1)} %`);
  const header = ['SERVICE', 'ROUTES', 'MONOLITH', 'SHADOW', 'CANARY', 'SERVICE', 'TRAFFIC ON SERVICE'];
  const rows = [...p.services, p.overall].map((s) => [
    s.name,
    String(s.routes),
    String(s.stages.monolith),
    String(s.stages.shadow),
    String(s.stages.canary),
    String(s.stages.service),
    s.requests === 0 ? '- (no traffic)' : `${pct(s.serviceShare)} of ${s.requests} req`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [line(header), ...rows.map(line), ''];
  out.push(
    `Routes fully on their service: ${p.overall.stages.service} of ${p.overall.routes} in the proxy config.`,
  );
  if (p.inventory !== null) {
    out.push(
      `The monolith's route inventory has ${p.inventory.routes} routes: ${p.inventory.inProxy} are in the proxy ` +
        `config, ${p.inventory.onService} are fully moved (${pct(p.inventory.movedShare)}).`,
    );
  }
  out.push('', 'Moves over time (audit trail, oldest first):');
  if (p.timeline.length === 0) out.push('  none yet');
  for (const step of p.timeline) {
    out.push(
      `  ${step.at}  ${step.routeId}  ${step.from} → ${step.to}  by ${step.actor}  ` +
        `(routes on service: ${step.routesOnService})`,
    );
  }
  return `${out.join('\n')}\n`;
}

function readInventory(path: string): { routes: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw usage(`--analysis ${path}: ${(error as Error).message}`);
  }
  const routes = (parsed as { routes?: unknown }).routes;
  if (!Array.isArray(routes))
    throw usage(`--analysis ${path}: not a ficus analyze JSON result (no "routes" list)`);
  return { routes: routes.length };
}

function parse(argv: readonly string[]): { admin?: string; analysis?: string; json?: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { admin: { type: 'string' }, analysis: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
    return values;
  } catch (error) {
    throw usage((error as Error).message);
  }
}

function usage(message: string): CliError {
  return new CliError('FICUS_CLI_USAGE', message);
}
