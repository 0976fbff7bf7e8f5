// Ranks seams by how cheaply they can be cut out, with a rationale a person can check against the numbers.
import type { ExtractedRoute, TableAccess } from '../extract/extracted-project.js';
import type { DependencyGraph } from '../metrics/dependency-graph.js';
import { servicesOf, type Partition } from '../metrics/partition.js';
import { tableOwners } from '../metrics/table-ownership.js';
import type { Seam } from './seam.js';

export interface RankInput {
  /** File → seam key; the shared seam's key is `sharedKey`. */
  readonly partition: Partition;
  readonly sharedKey: string;
  readonly names: ReadonlyMap<string, string>;
  readonly dependencies: DependencyGraph;
  readonly routes: readonly Pick<ExtractedRoute, 'method' | 'path' | 'handler'>[];
  readonly tables: readonly TableAccess[];
  readonly cycles: readonly (readonly string[])[];
}

/** Multiplies the score of a seam without routes: nothing would move behind the proxy, others would only call it. */
const NO_ROUTE_FACTOR = 0.5;
/** Multiplies the score once per import cycle crossing the seam's boundary. */
const CYCLE_FACTOR = 0.8;

export function rankSeams(input: RankInput): Seam[] {
  const { partition, sharedKey } = input;
  const owners = tableOwners(input.tables, partition);
  const users = new Map<string, Set<string>>();
  for (const access of input.tables) {
    const key = partition.get(access.file);
    if (key === undefined || key === sharedKey) continue;
    let set = users.get(access.table);
    if (!set) users.set(access.table, (set = new Set()));
    set.add(key);
  }
  const seams: Seam[] = [];
  for (const [key, files] of servicesOf(partition)) {
    const name = input.names.get(key) ?? key;
    const routes = input.routes
      .filter((r) => partition.get(r.handler.file) === key)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    const tables = [...owners].filter(([, owner]) => owner === key).map(([table]) => table);
    const sharedTables = [...users]
      .filter(([, seamsUsing]) => seamsUsing.has(key) && seamsUsing.size > 1)
      .map(([table]) => table)
      .sort();
    if (key === sharedKey) {
      seams.push(sharedSeam(name, files, routes, tables, sharedTables, input));
      continue;
    }
    let incoming = 0;
    let outgoing = 0;
    let internal = 0;
    for (const [from, out] of input.dependencies.edges) {
      const a = partition.get(from);
      for (const to of out.keys()) {
        const b = partition.get(to);
        if (a === sharedKey || b === sharedKey) continue;
        if (a === key && b === key) internal += 1;
        else if (b === key) incoming += 1;
        else if (a === key) outgoing += 1;
      }
    }
    const cycles = input.cycles.filter(
      (cycle) => cycle.some((f) => partition.get(f) === key) && cycle.some((f) => partition.get(f) !== key),
    ).length;
    const crossing = incoming + outgoing;
    const cutRatio = crossing + internal === 0 ? 0 : crossing / (crossing + internal);
    const touched = new Set([...tables, ...sharedTables]).size;
    const tableFactor = touched === 0 ? 1 : 1 - (0.5 * sharedTables.length) / touched;
    const routeFactor = routes.length === 0 ? NO_ROUTE_FACTOR : 1;
    const score = Math.round(100 * (1 - cutRatio) * tableFactor * CYCLE_FACTOR ** cycles * routeFactor);
    seams.push({
      id: name,
      name,
      shared: false,
      files,
      routes,
      tables,
      sharedTables,
      cuts: { incoming, outgoing },
      cycles,
      score,
      rationale: explain(routes.length, tables, sharedTables, incoming, outgoing, cutRatio, cycles),
    });
  }
  return seams.sort(
    (a, b) => Number(a.shared) - Number(b.shared) || b.score - a.score || (a.id < b.id ? -1 : 1),
  );
}

function explain(
  routes: number,
  tables: readonly string[],
  sharedTables: readonly string[],
  incoming: number,
  outgoing: number,
  cutRatio: number,
  cycles: number,
): string {
  const owned =
    tables.length === 0 ? 'owns no table' : `would own ${plural(tables.length, 'table')} (${list(tables)})`;
  const takeover = routes === 0 ? 'Takes over no route' : `Takes over ${plural(routes, 'route')}`;
  const parts = [
    `${takeover} and ${owned}.`,
    `Cutting it turns ${plural(incoming, 'dependency', 'dependencies')} from other seams into remote calls in and ` +
      `${outgoing} out: ${Math.round(cutRatio * 100)} % of its dependencies cross the boundary.`,
  ];
  if (sharedTables.length > 0)
    parts.push(`Shares ${plural(sharedTables.length, 'table')} with other seams (${list(sharedTables)}).`);
  if (cycles > 0) parts.push(`Sits in ${plural(cycles, 'import cycle')} across its boundary.`);
  return parts.join(' ');
}

function sharedSeam(
  name: string,
  files: readonly string[],
  routes: readonly string[],
  tables: readonly string[],
  sharedTables: readonly string[],
  input: RankInput,
): Seam {
  const own = new Set(files);
  const usersBySeam = new Set<string>();
  for (const [from, out] of input.dependencies.edges) {
    if (own.has(from)) continue;
    for (const to of out.keys()) if (own.has(to)) usersBySeam.add(input.partition.get(from) ?? from);
  }
  return {
    id: name,
    name,
    shared: true,
    files,
    routes,
    tables,
    sharedTables,
    cuts: { incoming: 0, outgoing: 0 },
    cycles: 0,
    score: 0,
    rationale:
      `Shared infrastructure used by ${plural(usersBySeam.size, 'seam')} and reached by most routes; ` +
      'publish it as a library (or give each service its own copy) rather than extract it as a service.',
  };
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function list(items: readonly string[], max = 5): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
