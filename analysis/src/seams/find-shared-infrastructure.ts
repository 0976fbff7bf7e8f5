// Shared infrastructure: files that many seams lean on and no route belongs to (a `lib/`, the db connection, config).
import type { DependencyGraph } from '../metrics/dependency-graph.js';
import type { SeamEvidence } from './build-seam-graph.js';
import { stem, type NameTokens } from './name-tokens.js';

/** Reached by the routes of at least this share of handler files (and at least 3 of them). */
export const SHARED_ROUTE_SPREAD = 0.5;
/** Used by (or, for an entry point, using) files of at least this share of the seams (and at least 3). */
export const SHARED_SEAM_SPREAD = 0.3;

/**
 * Before clustering: a file most controllers' routes reach is infrastructure; left in the graph it would glue every
 * domain together. Handler files are never shared (they carry routes), nor is a file whose name shares a domain word
 * with another file (`product-repository` next to `product-service`): a popular domain file is still a domain file.
 * Handler files whose routes touch no table and reach only infrastructure are shared too.
 */
export function findRouteSharedFiles(evidence: SeamEvidence, nameTokens: NameTokens): Set<string> {
  const handlers = new Set(evidence.routes.map((r) => r.handler.file));
  const reachedBy = new Map<string, Set<string>>();
  for (const route of evidence.routes) {
    for (const file of route.reach) {
      let set = reachedBy.get(file);
      if (!set) reachedBy.set(file, (set = new Set()));
      set.add(route.handler.file);
    }
  }
  const threshold = Math.max(3, handlers.size * SHARED_ROUTE_SPREAD);
  const shared = new Set<string>();
  const family = inNameFamily(
    evidence.files.map((f) => f.path),
    nameTokens,
  );
  for (const [file, by] of reachedBy) {
    if (!handlers.has(file) && !family(file) && by.size >= threshold) shared.add(file);
  }
  // A handler whose routes touch no table and reach nothing but itself and infrastructure serves the platform
  // (`/healthz`, `/metrics`), not a domain.
  for (const handler of handlers) {
    const routes = evidence.routes.filter((r) => r.handler.file === handler);
    const platform = routes.every(
      (r) =>
        r.tables.read.length + r.tables.write.length === 0 &&
        r.reach.every((f) => f === handler || shared.has(f)),
    );
    if (platform) shared.add(handler);
  }
  return shared;
}

/**
 * After clustering, a whole cluster is infrastructure when no other cluster's routes reach it and its own routes (if
 * any) touch no table: start-up code, migrations, seeds, health checks. Then three rules grow the shared seam. Shared infrastructure never depends on
 * domain code, so a file only joins while everything it uses is shared (or joining with it):
 * - used from files of many seams (unless its name ties it to files of its own cluster);
 * - wiring: no route reaches it and it uses files of many seams, none holding half its uses (`app.module.ts`, `app.ts`);
 * - used only by shared files and using only shared files, or an entry point (no users) using only shared files.
 */
export function findStructuralSharedFiles(
  dependencies: DependencyGraph,
  clusterOf: ReadonlyMap<string, string>,
  evidence: SeamEvidence,
  alreadyShared: ReadonlySet<string>,
  nameTokens: NameTokens,
): Set<string> {
  const shared = new Set(alreadyShared);
  const handlers = new Set(evidence.routes.map((r) => r.handler.file));
  const reached = new Set(evidence.routes.flatMap((r) => r.reach));
  const dependents = new Map<string, Set<string>>();
  for (const [from, out] of dependencies.edges) {
    for (const to of out.keys()) {
      let set = dependents.get(to);
      if (!set) dependents.set(to, (set = new Set()));
      set.add(from);
    }
  }
  const usesOf = (file: string): string[] => [...(dependencies.edges.get(file)?.keys() ?? [])];
  const clusterCount = new Set(clusterOf.values()).size;
  const threshold = Math.max(3, Math.ceil(clusterCount * SHARED_SEAM_SPREAD));
  const seamsAmong = (files: Iterable<string>): number => {
    const set = new Set<string>();
    for (const f of files) {
      const c = clusterOf.get(f);
      if (c !== undefined && !shared.has(f)) set.add(c);
    }
    return set.size;
  };
  const members = new Map<string, string[]>();
  for (const [file, cluster] of clusterOf) {
    const list = members.get(cluster);
    if (list) list.push(file);
    else members.set(cluster, [file]);
  }
  const families = new Map(
    [...members].map(([cluster, files]) => [cluster, inNameFamily(files, nameTokens)]),
  );
  const inFamily = (file: string): boolean => {
    const cluster = clusterOf.get(file);
    return cluster !== undefined && (families.get(cluster)?.(file) ?? false);
  };

  for (const cluster of platformClusters(clusterOf, evidence))
    for (const file of members.get(cluster) ?? []) shared.add(file);

  // Wiring spreads its uses: many seams, none of them holding half of what it uses.
  const isWiring = (uses: readonly string[]): boolean => {
    const perCluster = new Map<string, number>();
    for (const u of uses) {
      const c = clusterOf.get(u);
      if (c !== undefined && !shared.has(u)) perCluster.set(c, (perCluster.get(c) ?? 0) + 1);
    }
    return perCluster.size >= threshold && Math.max(...perCluster.values()) * 2 <= uses.length;
  };

  // Candidates by spread are decided first, so a group of infrastructure files using each other can join together.
  const candidates = new Set<string>();
  const wiring = new Set<string>();
  for (const file of dependencies.files) {
    if (shared.has(file) || handlers.has(file) || inFamily(file)) continue;
    const users = dependents.get(file) ?? new Set<string>();
    if (seamsAmong(users) >= threshold) candidates.add(file);
    else if (!reached.has(file) && isWiring(usesOf(file))) wiring.add(file);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const file of candidates) {
      if (
        usesOf(file).some((u) => !shared.has(u) && !candidates.has(u) && !wiring.has(u) && clusterOf.has(u))
      ) {
        candidates.delete(file);
        changed = true;
      }
    }
  }
  for (const file of wiring) candidates.add(file);
  for (const file of candidates) shared.add(file);

  for (let changed = true; changed;) {
    changed = false;
    for (const file of dependencies.files) {
      if (shared.has(file) || handlers.has(file)) continue;
      const users = [...(dependents.get(file) ?? [])];
      const uses = usesOf(file);
      const onlyUsedByShared =
        users.length > 0 && users.every((u) => shared.has(u)) && uses.every((u) => shared.has(u));
      const sharedEntryPoint = users.length === 0 && uses.length > 0 && uses.every((u) => shared.has(u));
      if (onlyUsedByShared || sharedEntryPoint) {
        shared.add(file);
        changed = true;
      }
    }
  }
  return shared;
}

function platformClusters(clusterOf: ReadonlyMap<string, string>, evidence: SeamEvidence): Set<string> {
  const candidates = new Set(clusterOf.values());
  for (const route of evidence.routes) {
    const own = clusterOf.get(route.handler.file);
    if (own !== undefined && route.tables.read.length + route.tables.write.length > 0) candidates.delete(own);
    for (const file of route.reach) {
      const reached = clusterOf.get(file);
      if (reached !== undefined && reached !== own) candidates.delete(reached);
    }
  }
  return candidates;
}

/** A predicate: does the file share a name word with another file of `files`? */
function inNameFamily(files: readonly string[], nameTokens: NameTokens): (file: string) => boolean {
  const count = new Map<string, number>();
  const stems = (file: string): Set<string> => new Set(nameTokens(file).map(stem));
  for (const file of files) for (const token of stems(file)) count.set(token, (count.get(token) ?? 0) + 1);
  return (file) => [...stems(file)].some((token) => (count.get(token) ?? 0) > 1);
}
