// Resolves an expression to the router instance it denotes (a variable, parameter or class property), across files.
import { ts } from 'ts-morph';
import type { RouteFramework } from '../extracted-project.js';
import type { LinkedModules } from '../link-modules.js';
import type { Located } from '../locate-declaration.js';
import { classMember, declarationOf, locateName } from '../locate-declaration.js';
import { ownerOf, unwrap } from './resolve-handler.js';

const MAX_DEPTH = 8;
const KOA_ROUTER_MODULES = new Set(['koa-router', '@koa/router']);

export function instanceKey(located: Located): string {
  return `${located.file}:${located.node.pos}`;
}

/** The key of the router instance `expression` stands for, or undefined. */
export function resolveRouter(
  linked: LinkedModules,
  file: string,
  expression: ts.Expression,
  depth = 0,
): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrap(expression);
  if (ts.isIdentifier(inner)) {
    const found = locateName(linked, file, inner.text, inner);
    return found ? routerOfDeclaration(linked, found, depth) : undefined;
  }
  if (ts.isPropertyAccessExpression(inner)) {
    const owner = ownerOf(linked, file, unwrap(inner.expression));
    if (owner && ts.isClassLike(owner.node)) {
      const member = classMember(owner.node, inner.name.text);
      return member ? routerOfDeclaration(linked, { file: owner.file, node: member }, depth) : undefined;
    }
    if (owner && ts.isSourceFile(owner.node)) {
      const ref = linked.resolveExport(owner.file, inner.name.text);
      const found = ref && declarationOf(linked, ref);
      return found ? routerOfDeclaration(linked, found, depth) : undefined;
    }
    return undefined;
  }
  if (ts.isCallExpression(inner)) {
    const callee = unwrap(inner.expression);
    // koa: `router.routes()`, `router.middleware()`, `router.allowedMethods()` stand for the router.
    if (ts.isPropertyAccessExpression(callee) && /^(routes|middleware)$/.test(callee.name.text)) {
      return resolveRouter(linked, file, callee.expression, depth + 1);
    }
    // `app.use('/x', require('./routes/x'))`: the router the module exports.
    const specifier = inner.arguments[0];
    if (isModuleLoad(inner) && specifier && ts.isStringLiteralLike(specifier)) {
      const target = linked.resolve(file, specifier.text);
      const ref = target === undefined ? undefined : linked.resolveExport(target, 'default');
      const found = ref && declarationOf(linked, ref);
      return found ? routerOfDeclaration(linked, found, depth + 1) : undefined;
    }
    // A factory: the router it returns.
    const target = functionOf(linked, file, callee);
    if (!target) return undefined;
    for (const returned of returnedExpressions(target.node)) {
      const key = resolveRouter(linked, target.file, returned, depth + 1);
      if (key) return key;
    }
  }
  return undefined;
}

function routerOfDeclaration(linked: LinkedModules, found: Located, depth: number): string | undefined {
  const node = found.node;
  if (ts.isParameter(node)) return instanceKey(found);
  if (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) {
    const initializer = node.initializer && unwrap(node.initializer);
    if (initializer && isModuleLoad(initializer) && ts.isIdentifier(node.name)) {
      const ref = linked.resolveName(found.file, node.name.text);
      const target = ref && declarationOf(linked, ref);
      return target && target.node !== node ? routerOfDeclaration(linked, target, depth + 1) : undefined;
    }
    if (initializer && (ts.isIdentifier(initializer) || ts.isPropertyAccessExpression(initializer))) {
      const aliased = resolveRouter(linked, found.file, initializer, depth + 1);
      if (aliased) return aliased;
    }
    if (
      initializer &&
      ts.isCallExpression(initializer) &&
      !creationFramework(linked, found.file, initializer)
    ) {
      const returned = resolveRouter(linked, found.file, initializer, depth + 1);
      if (returned) return returned;
    }
    return instanceKey(found);
  }
  if (ts.isSourceFile(node)) {
    // A CommonJS module: `module.exports = router`.
    const exported = commonJsExport(node);
    return exported ? resolveRouter(linked, found.file, exported, depth + 1) : undefined;
  }
  if (ts.isExpression(node)) {
    // `export default Router()`-style default exports are declared as expressions.
    return ts.isCallExpression(node) || ts.isNewExpression(node)
      ? instanceKey(found)
      : resolveRouter(linked, found.file, node, depth + 1);
  }
  return undefined;
}

/** The function an expression names (declaration, arrow, `fp(fn)`-style wrapper, `import('./plugin')`). */
export function functionOf(
  linked: LinkedModules,
  file: string,
  expression: ts.Expression,
  depth = 0,
): Located | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrap(expression);
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) return { file, node: inner };
  if (ts.isIdentifier(inner)) {
    const found = locateName(linked, file, inner.text, inner);
    if (!found) return undefined;
    if (
      ts.isFunctionDeclaration(found.node) ||
      ts.isArrowFunction(found.node) ||
      ts.isFunctionExpression(found.node)
    )
      return found;
    if (ts.isVariableDeclaration(found.node) && found.node.initializer) {
      const initializer = unwrap(found.node.initializer);
      if (isModuleLoad(initializer) && ts.isIdentifier(found.node.name)) {
        const ref = linked.resolveName(found.file, found.node.name.text);
        const target = ref && declarationOf(linked, ref);
        return target && target.node !== found.node ? functionOfNode(linked, target, depth) : undefined;
      }
      return functionOf(linked, found.file, initializer, depth + 1);
    }
    return functionOfNode(linked, found, depth);
  }
  if (ts.isCallExpression(inner)) {
    // `import('./plugin.js')` and `require('./plugin')` load a module whose default export is the plugin.
    const specifier = inner.arguments[0];
    if (isModuleLoad(inner) && specifier && ts.isStringLiteralLike(specifier)) {
      const target = linked.resolve(file, specifier.text);
      const ref = target === undefined ? undefined : linked.resolveExport(target, 'default');
      const found = ref && declarationOf(linked, ref);
      return found ? functionOfNode(linked, found, depth) : undefined;
    }
    // `fp(plugin, opts)`: fastify-plugin and friends wrap the function they are given.
    const first = inner.arguments[0];
    return first ? functionOf(linked, file, first, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(inner)) {
    const owner = ownerOf(linked, file, unwrap(inner.expression));
    if (owner && ts.isSourceFile(owner.node)) {
      const ref = linked.resolveExport(owner.file, inner.name.text);
      const found = ref && declarationOf(linked, ref);
      return found ? functionOfNode(linked, found, depth) : undefined;
    }
    if (owner && ts.isClassLike(owner.node)) {
      const member = classMember(owner.node, inner.name.text);
      if (member && ts.isMethodDeclaration(member)) return { file: owner.file, node: member };
      if (member && ts.isPropertyDeclaration(member) && member.initializer) {
        return functionOf(linked, owner.file, member.initializer, depth + 1);
      }
    }
  }
  return undefined;
}

function functionOfNode(linked: LinkedModules, found: Located, depth: number): Located | undefined {
  const node = found.node;
  if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node))
    return found;
  if (ts.isVariableDeclaration(node) && node.initializer)
    return functionOf(linked, found.file, node.initializer, depth + 1);
  if (ts.isSourceFile(node)) {
    const exported = commonJsExport(node);
    return exported ? functionOf(linked, found.file, exported, depth + 1) : undefined;
  }
  if (ts.isExpression(node)) return functionOf(linked, found.file, node, depth + 1);
  return undefined;
}

/** The expressions a function returns (`return x`, or an arrow's expression body). */
export function returnedExpressions(node: ts.Node): ts.Expression[] {
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return [node.body];
  const found: ts.Expression[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child)) return;
    if (ts.isReturnStatement(child) && child.expression) found.push(child.expression);
    ts.forEachChild(child, visit);
  };
  if (ts.isFunctionLike(node)) {
    const body = (node as ts.FunctionLikeDeclaration).body;
    if (body) ts.forEachChild(body, visit);
  }
  return found;
}

/** The expression a CommonJS module assigns to `module.exports`, if any. */
export function commonJsExport(sourceFile: ts.SourceFile): ts.Expression | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
    const { left, operatorToken, right } = statement.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left)) continue;
    if (ts.isIdentifier(left.expression) && left.expression.text === 'module' && left.name.text === 'exports')
      return right;
  }
  return undefined;
}

function isModuleLoad(expression: ts.Expression): expression is ts.CallExpression {
  return (
    ts.isCallExpression(expression) &&
    (expression.expression.kind === ts.SyntaxKind.ImportKeyword ||
      (ts.isIdentifier(expression.expression) && expression.expression.text === 'require'))
  );
}

/** The framework a call creates an instance of: `fastify()`, `express()`, `Router()`, `new Router()` from koa. */
export function creationFramework(
  linked: LinkedModules,
  file: string,
  expression: ts.Expression,
): RouteFramework | undefined {
  const inner = unwrap(expression);
  if (!ts.isCallExpression(inner) && !ts.isNewExpression(inner)) return undefined;
  const callee = unwrap(inner.expression);
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : '';
  const root =
    ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)
      ? callee.expression.text
      : name;
  const module = linked.scans.get(file)?.bindings.get(root)?.specifier;
  if (module === 'fastify' || (!module && /^fastify$/i.test(name))) return 'fastify';
  if (module !== undefined && KOA_ROUTER_MODULES.has(module)) return 'koa';
  if (module === 'express' || (!module && name === 'express')) return 'express';
  if (!module && ts.isNewExpression(inner) && /Router$/.test(name)) return 'koa';
  return undefined;
}

/** The framework a parameter's declared type names (`app: FastifyInstance`, `router: Router`). */
export function typedFramework(parameter: ts.ParameterDeclaration): RouteFramework | undefined {
  const text = parameter.type?.getText() ?? '';
  if (/Fastify/.test(text)) return 'fastify';
  if (/Koa|KoaRouter/.test(text)) return 'koa';
  if (/\b(Router|Express|Application)\b/.test(text)) return 'express';
  return undefined;
}
