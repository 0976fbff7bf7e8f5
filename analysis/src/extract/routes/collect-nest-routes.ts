// Collects NestJS routes: `@Controller(prefix)` classes and their `@Get/@Post/...` methods, plus `setGlobalPrefix`.
import { ts } from 'ts-morph';
import type { LinkedModules } from '../link-modules.js';
import type { ComposedRoute } from './compose-routes.js';
import { joinPath } from './compose-routes.js';
import { evaluateString, propertyNamed } from './evaluate-string.js';

const METHOD_DECORATORS = new Map([
  ['Get', 'GET'],
  ['Post', 'POST'],
  ['Put', 'PUT'],
  ['Delete', 'DELETE'],
  ['Patch', 'PATCH'],
  ['Head', 'HEAD'],
  ['Options', 'OPTIONS'],
  ['All', 'ALL'],
]);

/** Controller routes of one file, relative to the global prefix. */
export function collectNestRoutes(linked: LinkedModules, file: string): ComposedRoute[] {
  const sourceFile = linked.files.get(file)?.sourceFile;
  if (!sourceFile || !sourceFile.text.includes('@Controller')) return [];
  const routes: ComposedRoute[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const controller = decoratorCall(statement, 'Controller');
    if (!controller) continue;
    const prefixes = pathArguments(linked, file, controller.arguments[0], 'path');
    for (const member of statement.members) {
      if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
      for (const decorator of ts.getDecorators(member) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) continue;
        const method = METHOD_DECORATORS.get(call.expression.text);
        if (!method) continue;
        for (const prefix of prefixes) {
          for (const path of pathArguments(linked, file, call.arguments[0], 'path')) {
            routes.push({
              method,
              path: joinPath(prefix, path),
              framework: 'nestjs',
              handler: { file, symbol: `${statement.name.text}.${member.name.text}`, node: member },
            });
          }
        }
      }
    }
  }
  return routes;
}

/** The argument of `app.setGlobalPrefix('api')`, if the file sets one. */
export function findGlobalPrefix(linked: LinkedModules, file: string): string | undefined {
  const sourceFile = linked.files.get(file)?.sourceFile;
  if (!sourceFile || !sourceFile.text.includes('setGlobalPrefix')) return undefined;
  let prefix: string | undefined;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'setGlobalPrefix' &&
      node.arguments[0]
    ) {
      prefix = evaluateString(linked, file, node.arguments[0]) ?? prefix;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return prefix;
}

function decoratorCall(node: ts.HasDecorators, name: string): ts.CallExpression | undefined {
  for (const decorator of ts.getDecorators(node) ?? []) {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === name)
      return call;
  }
  return undefined;
}

/** `'x'`, `['a', 'b']`, `{ path: 'x' }` or nothing (the empty path). */
function pathArguments(
  linked: LinkedModules,
  file: string,
  argument: ts.Expression | undefined,
  key: string,
): string[] {
  if (!argument) return [''];
  if (ts.isArrayLiteralExpression(argument)) {
    return argument.elements.flatMap((element) => pathArguments(linked, file, element, key));
  }
  if (ts.isObjectLiteralExpression(argument)) {
    const value = propertyNamed(argument, key);
    return value ? pathArguments(linked, file, value, key) : [''];
  }
  const value = evaluateString(linked, file, argument);
  return value === undefined ? [] : [value];
}
