// Turns the router graph into full route paths: every mount chain's prefixes applied, the framework inherited.
import type { RouteFramework } from '../extracted-project.js';
import type { RouteHandler } from './resolve-handler.js';
import type { RouterGraph } from './router-graph.js';

export interface ComposedRoute {
  readonly method: string;
  readonly path: string;
  readonly framework: RouteFramework;
  readonly handler: RouteHandler;
}

// A router mounted in many places multiplies its routes; past this many prefixes the mount graph is not a tree we
// can trust, and the first ones are kept.
const MAX_PREFIXES = 32;

export function composeRouterRoutes(graph: RouterGraph, fallbackFramework: RouteFramework): ComposedRoute[] {
  const parents = new Map<string, { parent: string; prefix: string }[]>();
  for (const mount of graph.mounts) {
    const list = parents.get(mount.child) ?? [];
    list.push({ parent: mount.parent, prefix: mount.prefix });
    parents.set(mount.child, list);
  }
  const prefixMemo = new Map<string, string[]>();
  const prefixesOf = (key: string, seen: Set<string>): string[] => {
    const memo = prefixMemo.get(key);
    if (memo) return memo;
    const own = graph.instances.get(key)?.prefix ?? '';
    const mounts = (parents.get(key) ?? []).filter((mount) => !seen.has(mount.parent));
    if (mounts.length === 0) return [own];
    const result = new Set<string>();
    for (const mount of mounts) {
      for (const outer of prefixesOf(mount.parent, new Set([...seen, key]))) {
        if (result.size < MAX_PREFIXES) result.add(joinPath(outer, mount.prefix, own));
      }
    }
    const list = [...result];
    if (seen.size === 0) prefixMemo.set(key, list);
    return list;
  };
  const frameworkOf = (key: string, seen: Set<string>): RouteFramework | undefined => {
    const own = graph.instances.get(key)?.framework;
    if (own) return own;
    for (const mount of parents.get(key) ?? []) {
      if (seen.has(mount.parent)) continue;
      const inherited = frameworkOf(mount.parent, new Set([...seen, key]));
      if (inherited) return inherited;
    }
    return undefined;
  };

  const routes = new Map<string, ComposedRoute>();
  for (const registration of graph.registrations) {
    const framework =
      frameworkOf(registration.instance, new Set()) ?? registration.fileFramework ?? fallbackFramework;
    for (const prefix of prefixesOf(registration.instance, new Set())) {
      const path = joinPath(prefix, registration.path);
      routes.set(`${registration.method} ${path}`, {
        method: registration.method,
        path,
        framework,
        handler: registration.handler,
      });
    }
  }
  return [...routes.values()];
}

/** Joins path parts with single slashes; a leading slash always, a trailing one never (except for `/`). */
export function joinPath(...parts: readonly string[]): string {
  const joined = `/${parts.filter((part) => part !== '').join('/')}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}
