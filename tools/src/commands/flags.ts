// `ficus flags`: route flags (list, show, set, history) and evidence resets through the admin API (DESIGN.md §2, §4).
import { parseArgs } from 'node:util';
import type { AuditEntry, EvidenceResetView, RouteDiffsView, RouteView } from '@ficus/strangler-proxy';
import type { CliIo, Command } from '../command.js';
import { CliError } from '../errors.js';
import { describeFlag, renderEvidence, renderHistory, renderList, renderShow } from './flags-output.js';
import {
  AdminRefusal,
  DEFAULT_ADMIN,
  adminClient,
  type AdminClient as Client,
} from '../admin-api/admin-client.js';

const STAGES = ['monolith', 'shadow', 'canary', 'service'];

const help = `Usage: ficus flags list|show ID|set ID STAGE|history ID|reset-evidence ID [options]

List, show, set and audit route flags, and reset a route's shadow evidence, through the
proxy's admin API.

Subcommands:
  list                 every route: stage, percent, version, owner and live numbers
  show ID              one route: definition, flag, live numbers and shadow evidence
                       (match rate, mismatching fields, learned noise, promotion gate)
  set ID STAGE         move a route to STAGE (monolith, shadow, canary, service)
  history ID           the route's audit trail, newest first (writes and refusals)
  reset-evidence ID    forget the route's shadow evidence (match rate, mismatching fields,
                       learned noise, samples) and collect it afresh, for example after
                       deploying a fixed service; owners and admins only, audited

Options:
  --admin URL          admin API (default ${DEFAULT_ADMIN}, or FICUS_ADMIN_URL)
  --json               print the admin API's JSON instead of a table
  --percent N          set: canary share, 0-100 in steps of 0.01
  --shadow-percent N   set: share of requests copied to the service, 0-100
  --sticky-by KEY      set: canary key, ip | header:NAME | cookie:NAME
  --reason R           set, reset-evidence: why; recorded in the audit trail (required)
  --force              set: promote past the promotion gate without its evidence
                       (the audit trail records what was missing)
  --if-match V         set: the version you expect; without it the current version
                       is read first and sent (still a compare-and-set)
  --limit N            history: how many entries (default 20)
  -h, --help           show this help

Environment:
  FICUS_TOKEN          bearer token for the admin API (required)

Examples:
  ficus flags list
  ficus flags set reviews.list shadow --shadow-percent 100 --reason "collect evidence"
  ficus flags show reviews.list
  ficus flags set reviews.list canary --percent 5 --reason "first slice"
  ficus flags reset-evidence reviews.list --reason "v2 fixes the rating rounding"
  ficus flags history reviews.list --json

Exit codes: 0 ok; 1 refused or failed (401, 403, 409, admin unreachable or failing);
2 usage (bad arguments, or the admin API rejects them: 400, 404).
Admin API refusals print the API's own code, for example
FICUS_PROXY_ADMIN_CONFLICT: route reviews.list is at version 4, If-Match said 3
FICUS_PROXY_ADMIN_GATED: moving route reviews.list to canary needs shadow evidence: ...
`;

export const flagsCommand: Command = {
  name: 'flags',
  summary: 'List, show, set and audit route flags, reset shadow evidence, through the admin API',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    const [sub, id, stage, ...extra] = positionals;
    if (extra.length > 0) throw usage(`unexpected argument "${extra[0]}"`);
    const token = io.env.FICUS_TOKEN;
    if (token === undefined || token === '') throw usage('set FICUS_TOKEN to an admin API token');
    const client = adminClient(values.admin ?? io.env.FICUS_ADMIN_URL ?? DEFAULT_ADMIN, token);
    const json = values.json === true;
    try {
      switch (sub) {
        case 'list': {
          if (id !== undefined) throw usage('list takes no route id');
          const body = (await client.get('/routes')) as { routes: RouteView[] };
          write(io, json ? body : renderList(body.routes));
          return 0;
        }
        case 'show': {
          const path = `/routes/${encodeURIComponent(need(id, 'show ID'))}`;
          const view = (await client.get(path)) as RouteView;
          const evidence = await evidenceOf(client, path);
          write(io, json ? { ...view, evidence } : renderShow(view) + renderEvidence(evidence));
          return 0;
        }
        case 'set':
          return await set(client, io, need(id, 'set ID STAGE'), need(stage, 'set ID STAGE'), values, json);
        case 'history': {
          const limit = values.limit ?? '20';
          if (!/^\d+$/.test(limit)) throw usage('--limit must be a whole number');
          const query = `route=${encodeURIComponent(need(id, 'history ID'))}&limit=${limit}`;
          const body = (await client.get(`/audit?${query}`)) as { entries: AuditEntry[] };
          write(io, json ? body : renderHistory(body.entries));
          return 0;
        }
        case 'reset-evidence': {
          if (stage !== undefined) throw usage(`unexpected argument "${stage}"`);
          return await resetEvidence(client, io, need(id, 'reset-evidence ID'), values, json);
        }
        case undefined:
          throw usage('name a subcommand: list, show, set, history or reset-evidence');
        default:
          throw usage(`unknown subcommand "${sub}"`);
      }
    } catch (error) {
      if (!(error instanceof AdminRefusal)) throw error;
      io.stderr.write(`${error.code}: ${error.message}\n`);
      if (error.current !== undefined) io.stderr.write(`current: ${describeFlag(error.current)}\n`);
      return error.status === 400 || error.status === 404 ? 2 : 1;
    }
  },
};

type Values = ReturnType<typeof parse>['values'];

async function set(
  client: Client,
  io: CliIo,
  id: string,
  stage: string,
  values: Values,
  json: boolean,
): Promise<number> {
  if (!STAGES.includes(stage)) throw usage(`STAGE must be one of ${STAGES.join(', ')}, got "${stage}"`);
  if (values.reason === undefined || values.reason.trim() === '')
    throw usage('set needs --reason R (it goes into the audit trail)');
  const path = `/routes/${encodeURIComponent(id)}`;
  let ifMatch = values['if-match'];
  let before: RouteView | null = null;
  if (ifMatch === undefined) {
    before = (await client.get(path)) as RouteView;
    ifMatch = String(before.version);
  } else if (!/^\d+$/.test(ifMatch)) {
    throw usage('--if-match must be a flag version (a whole number, 0 when the route has no flag yet)');
  }
  const body = {
    stage,
    reason: values.reason,
    ...number('percent', values.percent),
    ...number('shadowPercent', values['shadow-percent']),
    ...(values['sticky-by'] === undefined ? {} : { stickyBy: values['sticky-by'] }),
    ...(values.force === true ? { force: true } : {}),
  };
  const after = (await client.put(`${path}/flag`, body, `"${ifMatch}"`)) as RouteView;
  if (json) write(io, after);
  else {
    const from = before === null ? `version ${ifMatch}` : describeFlag(before.flag);
    io.stdout.write(`${id}: ${from} → ${describeFlag(after.flag)}\n`);
  }
  return 0;
}

async function resetEvidence(
  client: Client,
  io: CliIo,
  id: string,
  values: Values,
  json: boolean,
): Promise<number> {
  if (values.reason === undefined || values.reason.trim() === '')
    throw usage('reset-evidence needs --reason R (it goes into the audit trail)');
  const path = `/routes/${encodeURIComponent(id)}/diffs`;
  const answer = (await client.delete(path, { reason: values.reason })) as EvidenceResetView;
  if (json) write(io, answer);
  else {
    const c = answer.cleared;
    io.stdout.write(
      `${id}: shadow evidence reset (cleared ${c.compared} compared, ${c.matched} matched, ` +
        `${c.mismatched} mismatched, ${c.failed} failed)\n`,
    );
  }
  return 0;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        admin: { type: 'string' },
        json: { type: 'boolean' },
        percent: { type: 'string' },
        'shadow-percent': { type: 'string' },
        'sticky-by': { type: 'string' },
        reason: { type: 'string' },
        'if-match': { type: 'string' },
        limit: { type: 'string' },
        force: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw usage((error as Error).message);
  }
}

function number(field: string, text: string | undefined): Record<string, number> {
  if (text === undefined) return {};
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw usage(`--${field === 'percent' ? 'percent' : 'shadow-percent'} must be a number, got "${text}"`);
  return { [field]: value };
}

/** The route's shadow evidence; null from a proxy that does not serve it (older versions answer 404). */
async function evidenceOf(client: Client, routePath: string): Promise<RouteDiffsView | null> {
  try {
    return (await client.get(`${routePath}/diffs`)) as RouteDiffsView;
  } catch (error) {
    if (error instanceof AdminRefusal && error.status === 404) return null;
    throw error;
  }
}

function need(value: string | undefined, usageLine: string): string {
  if (value === undefined || value === '') throw usage(`missing argument: ficus flags ${usageLine}`);
  return value;
}

function write(io: CliIo, output: unknown): void {
  io.stdout.write(typeof output === 'string' ? output : `${JSON.stringify(output, null, 2)}\n`);
}

function usage(message: string): CliError {
  return new CliError('FICUS_CLI_USAGE', message);
}
