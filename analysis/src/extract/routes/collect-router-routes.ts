// Collects fastify, express and koa-router route registrations and router mounts from one file into a router graph.
import { ts } from 'ts-morph';
import type { RouteFramework } from '../extracted-project.js';
import type { LinkedModules } from '../link-modules.js';
import { locateName } from '../locate-declaration.js';
import { walkReferences } from '../walk-references.js';
import { evaluateString, propertyNamed } from './evaluate-string.js';
import { resolveHandler, unwrap } from './resolve-handler.js';
import {
  creationFramework,
  functionOf,
  instanceKey,
  resolveRouter,
  typedFramework,
} from './resolve-router.js';
import type { RouterGraph } from './router-graph.js';
import { instanceOf } from './router-graph.js';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'delete', 'del', 'patch', 'head', 'options', 'all']);
const ROUTER_NAMES = /^(app|server|fastify|instance|api|router|\w*(Router|App|Server|Instance))$/i;

export function collectRouterRoutes(linked: LinkedModules, file: string, graph: RouterGraph): void {
  const scan = linked.scans.get(file);
  const sourceFile = linked.files.get(file)?.sourceFile;
  if (!scan || !sourceFile) return;
  const fileFramework = frameworkOfImports([...scan.bindings.values()].map((binding) => binding.specifier));
  walkReferences(sourceFile, false, {
    reference: () => undefined,
    call: (call) => {
      const callee = call.expression;
      if (ts.isPropertyAccessExpression(callee))
        collectMemberCall(linked, file, call, callee, graph, fileFramework);
      else if (ts.isIdentifier(callee)) collectPassedRouter(linked, file, call, callee, graph);
    },
  });
}

function collectMemberCall(
  linked: LinkedModules,
  file: string,
  call: ts.CallExpression,
  callee: ts.PropertyAccessExpression,
  graph: RouterGraph,
  fileFramework: RouteFramework | undefined,
): void {
  const method = callee.name.text;
  const args = call.arguments;
  if (HTTP_METHODS.has(method)) {
    const chained = expressRouteChain(linked, file, callee.expression);
    if (chained) {
      addRoutes(linked, file, graph, chained.instance, [method], [chained.path], args, fileFramework);
      return;
    }
    if (args.length < 2) return;
    // koa-router's named routes: `router.get('name', '/path', handler)`.
    const named =
      args.length >= 3 &&
      ts.isStringLiteralLike(args[0]!) &&
      ts.isStringLiteralLike(args[1]!) &&
      args[1].text.startsWith('/');
    const paths = pathsOf(linked, file, named ? args[1]! : args[0]!);
    if (paths.length === 0) return;
    const instance = resolveRouter(linked, file, callee.expression);
    if (instance)
      addRoutes(linked, file, graph, instance, [method], paths, args.slice(named ? 2 : 1), fileFramework);
    return;
  }
  if (method === 'route' && args.length === 1 && ts.isObjectLiteralExpression(unwrap(args[0]!))) {
    collectRouteOptions(
      linked,
      file,
      callee,
      unwrap(args[0]!) as ts.ObjectLiteralExpression,
      graph,
      fileFramework,
    );
  } else if (method === 'register' && args[0]) {
    collectRegister(linked, file, callee, args, graph);
  } else if (method === 'use' && args.length > 0) {
    collectUse(linked, file, callee, args, graph);
  } else if (method === 'prefix' && args.length === 1) {
    const instance = resolveRouter(linked, file, callee.expression);
    const prefix = evaluateString(linked, file, args[0]!);
    if (instance && prefix !== undefined) instanceOf(graph, instance).prefix = prefix;
  } else {
    // `new ProductRoutes().attach(app)`: a method that receives the router.
    collectPassedRouter(linked, file, call, callee, graph);
  }
}

/** fastify `app.route({ method, url, handler })`. */
function collectRouteOptions(
  linked: LinkedModules,
  file: string,
  callee: ts.PropertyAccessExpression,
  options: ts.ObjectLiteralExpression,
  graph: RouterGraph,
  fileFramework: RouteFramework | undefined,
): void {
  const methodValue = propertyNamed(options, 'method');
  const url = propertyNamed(options, 'url') ?? propertyNamed(options, 'path');
  const handler = propertyNamed(options, 'handler');
  if (!methodValue || !url || !handler) return;
  const methods = (ts.isArrayLiteralExpression(methodValue) ? [...methodValue.elements] : [methodValue])
    .map((element) => evaluateString(linked, file, element))
    .filter((value): value is string => value !== undefined);
  const paths = pathsOf(linked, file, url);
  const instance = resolveRouter(linked, file, callee.expression);
  if (instance && methods.length > 0)
    addRoutes(linked, file, graph, instance, methods, paths, [handler], fileFramework);
}

function addRoutes(
  linked: LinkedModules,
  file: string,
  graph: RouterGraph,
  instance: string,
  methods: readonly string[],
  paths: readonly string[],
  handlerArgs: readonly ts.Expression[],
  fileFramework: RouteFramework | undefined,
): void {
  const last = handlerArgs.at(-1);
  if (!last) return;
  let handlerExpression: ts.Expression | undefined = unwrap(last);
  // fastify `app.get('/x', { schema, handler })`: the handler lives in the options object.
  if (ts.isObjectLiteralExpression(handlerExpression))
    handlerExpression = propertyNamed(handlerExpression, 'handler');
  if (!handlerExpression || ts.isLiteralExpression(handlerExpression)) return;
  const handler = resolveHandler(linked, file, handlerExpression);
  instanceOf(graph, instance);
  for (const method of methods) {
    for (const path of paths) {
      graph.registrations.push({ instance, method: normaliseMethod(method), path, handler, fileFramework });
    }
  }
}

/** express `router.route('/x').get(a).post(b)`: the instance and path the chain starts from. */
function expressRouteChain(
  linked: LinkedModules,
  file: string,
  receiver: ts.Expression,
): { instance: string; path: string } | undefined {
  let current = unwrap(receiver);
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    const name = current.expression.name.text;
    if (name === 'route' && current.arguments.length === 1) {
      const path = evaluateString(linked, file, current.arguments[0]!);
      const instance =
        path === undefined ? undefined : resolveRouter(linked, file, current.expression.expression);
      return instance && path !== undefined ? { instance, path } : undefined;
    }
    if (!HTTP_METHODS.has(name)) return undefined;
    current = unwrap(current.expression.expression);
  }
  return undefined;
}

/** fastify `parent.register(plugin, { prefix })`. */
function collectRegister(
  linked: LinkedModules,
  file: string,
  callee: ts.PropertyAccessExpression,
  args: ts.NodeArray<ts.Expression>,
  graph: RouterGraph,
): void {
  const plugin = functionOf(linked, file, args[0]!);
  const first = plugin && ts.isFunctionLike(plugin.node) ? plugin.node.parameters[0] : undefined;
  const parent = first && resolveRouter(linked, file, callee.expression);
  if (!plugin || !first || !parent) return;
  const options = args[1] && unwrap(args[1]);
  const prefixValue =
    options && ts.isObjectLiteralExpression(options) ? propertyNamed(options, 'prefix') : undefined;
  const prefix = prefixValue ? (evaluateString(linked, file, prefixValue) ?? '') : '';
  const child = instanceKey({ file: plugin.file, node: first });
  instanceOf(graph, child).framework ??= 'fastify';
  instanceOf(graph, parent).framework ??= 'fastify';
  graph.mounts.push({ parent, child, prefix });
}

/** express `app.use('/prefix', mw, router)`, koa `app.use(router.routes())`, `router.use('/p', child.routes())`. */
function collectUse(
  linked: LinkedModules,
  file: string,
  callee: ts.PropertyAccessExpression,
  args: ts.NodeArray<ts.Expression>,
  graph: RouterGraph,
): void {
  const prefix = evaluateString(linked, file, args[0]!);
  const children = prefix === undefined ? [...args] : args.slice(1);
  let parent: string | undefined;
  for (const argument of children) {
    const child = resolveRouter(linked, file, argument);
    if (!child) continue;
    parent ??= resolveRouter(linked, file, callee.expression);
    if (!parent || parent === child) return;
    instanceOf(graph, parent);
    instanceOf(graph, child);
    graph.mounts.push({ parent, child, prefix: prefix ?? '' });
  }
}

/** `registerProductRoutes(app)`: the called function adds routes to the router it is given. */
function collectPassedRouter(
  linked: LinkedModules,
  file: string,
  call: ts.CallExpression,
  callee: ts.Identifier | ts.PropertyAccessExpression,
  graph: RouterGraph,
): void {
  const args = call.arguments;
  const index = args.findIndex(
    (argument) => ts.isIdentifier(argument) && isRouterLike(linked, file, argument),
  );
  if (index < 0) return;
  const target = functionOf(linked, file, callee);
  const parameter = target && ts.isFunctionLike(target.node) ? target.node.parameters[index] : undefined;
  const parent = parameter && resolveRouter(linked, file, args[index]!);
  if (!target || !parameter || !parent) return;
  const child = instanceKey({ file: target.file, node: parameter });
  instanceOf(graph, parent);
  instanceOf(graph, child);
  graph.mounts.push({ parent, child, prefix: '' });
}

function isRouterLike(linked: LinkedModules, file: string, argument: ts.Identifier): boolean {
  if (ROUTER_NAMES.test(argument.text)) return true;
  const found = locateName(linked, file, argument.text, argument);
  if (!found) return false;
  if (ts.isParameter(found.node)) return typedFramework(found.node) !== undefined;
  return ts.isVariableDeclaration(found.node) && found.node.initializer !== undefined
    ? creationFramework(linked, found.file, found.node.initializer) !== undefined
    : false;
}

/** Records the framework (and a koa router's own prefix) of every instance, from its declaration. */
export function annotateRouterInstances(linked: LinkedModules, graph: RouterGraph): void {
  for (const [key, record] of graph.instances) {
    const separator = key.lastIndexOf(':');
    const file = key.slice(0, separator);
    const node = findDeclarationAt(linked, file, Number(key.slice(separator + 1)));
    if (node && ts.isParameter(node)) record.framework ??= typedFramework(node);
    if (node && (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && node.initializer) {
      record.framework ??= creationFramework(linked, file, node.initializer);
      const created = unwrap(node.initializer);
      const options = ts.isNewExpression(created) ? created.arguments?.[0] : undefined;
      const prefix =
        options && ts.isObjectLiteralExpression(options) ? propertyNamed(options, 'prefix') : undefined;
      if (prefix) record.prefix = evaluateString(linked, file, prefix) ?? record.prefix;
    }
  }
}

function findDeclarationAt(linked: LinkedModules, file: string, pos: number): ts.Node | undefined {
  const sourceFile = linked.files.get(file)?.sourceFile;
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.pos > pos || node.end < pos) return;
    if (
      node.pos === pos &&
      (ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node))
    ) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (sourceFile) visit(sourceFile);
  return found;
}

function pathsOf(linked: LinkedModules, file: string, expression: ts.Expression): string[] {
  const inner = unwrap(expression);
  const candidates = ts.isArrayLiteralExpression(inner) ? [...inner.elements] : [inner];
  return candidates
    .map((candidate) => evaluateString(linked, file, candidate))
    .filter(
      (path): path is string => path !== undefined && (path.startsWith('/') || path === '' || path === '*'),
    );
}

function normaliseMethod(method: string): string {
  const upper = method.toUpperCase();
  return upper === 'DEL' ? 'DELETE' : upper;
}

export function frameworkOfImports(specifiers: readonly string[]): RouteFramework | undefined {
  if (specifiers.includes('fastify')) return 'fastify';
  if (specifiers.includes('express')) return 'express';
  if (
    specifiers.some(
      (specifier) => specifier === 'koa-router' || specifier === '@koa/router' || specifier === 'koa',
    )
  )
    return 'koa';
  return undefined;
}
