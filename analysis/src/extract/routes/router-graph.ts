// The routers of a project and how they are mounted: the shared shape of fastify, express and koa-router routes.
import type { RouteFramework } from '../extracted-project.js';
import type { RouteHandler } from './resolve-handler.js';

/** A router instance: a fastify instance, an express app or Router, a koa Router; keyed by its declaration. */
export interface RouterInstance {
  framework: RouteFramework | undefined;
  /** A koa `new Router({ prefix })` carries its own prefix. */
  prefix: string;
}

export interface RouterRegistration {
  readonly instance: string;
  readonly method: string;
  readonly path: string;
  readonly handler: RouteHandler;
  /** Framework told by the file the route is declared in (its imports), when the instance does not say. */
  readonly fileFramework: RouteFramework | undefined;
}

/** `parent` serves `child`'s routes under `prefix` (fastify `register`, express/koa `use`, or a function call). */
export interface RouterMount {
  readonly parent: string;
  readonly child: string;
  readonly prefix: string;
}

export interface RouterGraph {
  readonly instances: Map<string, RouterInstance>;
  readonly registrations: RouterRegistration[];
  readonly mounts: RouterMount[];
}

export function emptyRouterGraph(): RouterGraph {
  return { instances: new Map(), registrations: [], mounts: [] };
}

export function instanceOf(graph: RouterGraph, key: string): RouterInstance {
  let instance = graph.instances.get(key);
  if (!instance) graph.instances.set(key, (instance = { framework: undefined, prefix: '' }));
  return instance;
}
