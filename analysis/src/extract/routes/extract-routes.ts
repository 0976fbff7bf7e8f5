// All routes of a project, from every supported style, with full paths; reach and tables are added by the caller.
import { compareText } from '../../compare-text.js';
import type { RouteFramework } from '../extracted-project.js';
import type { LinkedModules } from '../link-modules.js';
import { collectFileRoutes } from './collect-file-routes.js';
import { collectNestRoutes, findGlobalPrefix } from './collect-nest-routes.js';
import { annotateRouterInstances, collectRouterRoutes, frameworkOfImports } from './collect-router-routes.js';
import type { ComposedRoute } from './compose-routes.js';
import { composeRouterRoutes, joinPath } from './compose-routes.js';
import { emptyRouterGraph } from './router-graph.js';

// Files that cannot declare or mount a router are not walked (most files of a large project).
const MAY_ROUTE =
  /\.(get|post|put|patch|delete|del|head|options|all|route|register|use|prefix)\s*\(|\b(app|router|server|fastify|instance)\b/i;

/** Every route; a file whose routes cannot be read is reported through `warn` and contributes none. */
export function extractRoutes(
  linked: LinkedModules,
  warn: (path: string, error: unknown) => void,
): ComposedRoute[] {
  const graph = emptyRouterGraph();
  const nest: ComposedRoute[] = [];
  const fileBased: ComposedRoute[] = [];
  let globalPrefix = '';
  const frameworkVotes = new Map<RouteFramework, number>();
  for (const [path, file] of linked.files) {
    const scan = linked.scans.get(path);
    const imported = frameworkOfImports(
      [...(scan?.bindings.values() ?? [])].map((binding) => binding.specifier),
    );
    if (imported) frameworkVotes.set(imported, (frameworkVotes.get(imported) ?? 0) + 1);
    try {
      if (MAY_ROUTE.test(file.sourceFile.text)) collectRouterRoutes(linked, path, graph);
      nest.push(...collectNestRoutes(linked, path));
      fileBased.push(...collectFileRoutes(linked, path));
      globalPrefix = findGlobalPrefix(linked, path) ?? globalPrefix;
    } catch (error) {
      warn(path, error);
    }
  }
  annotateRouterInstances(linked, graph);
  const fallback = [...frameworkVotes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'fastify';
  const routes = [
    ...composeRouterRoutes(graph, fallback),
    ...nest.map((route) => ({ ...route, path: joinPath(globalPrefix, route.path) })),
    ...fileBased,
  ];
  const unique = new Map(routes.map((route) => [`${route.method} ${route.path}`, route]));
  return [...unique.values()].sort((a, b) => compareText(a.path, b.path) || compareText(a.method, b.method));
}
