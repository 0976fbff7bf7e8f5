// Resolves the handler expression of a route registration to the function that runs and a name a person can find.
import { ts } from 'ts-morph';
import type { LinkedModules } from '../link-modules.js';
import type { Located } from '../locate-declaration.js';
import { classMember, declarationOf, enclosingClass, locateName } from '../locate-declaration.js';

export interface RouteHandler {
  readonly file: string;
  /** `name`, `Class.method`, `object.method`, or `(inline@LINE)` for an inline function. */
  readonly symbol: string;
  /** The function (or class member) whose body runs; undefined when it lies outside the analysed files. */
  readonly node: ts.Node | undefined;
}

const MAX_DEPTH = 6;

export function resolveHandler(
  linked: LinkedModules,
  file: string,
  expression: ts.Expression,
  depth = 0,
): RouteHandler {
  const unknown: RouteHandler = {
    file,
    symbol: expression.getText(linked.files.get(file)?.sourceFile).slice(0, 60),
    node: undefined,
  };
  if (depth > MAX_DEPTH) return unknown;
  const inner = unwrap(expression);
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) {
    const sourceFile = inner.getSourceFile();
    const line = sourceFile.getLineAndCharacterOfPosition(inner.getStart(sourceFile)).line + 1;
    return { file, symbol: inner.name?.text ?? `(inline@${line})`, node: inner };
  }
  if (ts.isIdentifier(inner)) {
    const found = locateName(linked, file, inner.text, inner);
    return found
      ? handlerOfDeclaration(linked, found, inner.text, depth)
      : { ...unknown, symbol: inner.text };
  }
  if (ts.isPropertyAccessExpression(inner)) {
    // `controller.list.bind(controller)` runs `controller.list`.
    if (inner.name.text === 'bind' && ts.isPropertyAccessExpression(unwrap(inner.expression))) {
      return resolveHandler(linked, file, inner.expression, depth + 1);
    }
    return memberHandler(linked, file, inner, depth) ?? { ...unknown, symbol: inner.getText() };
  }
  if (ts.isCallExpression(inner)) {
    // `asyncHandler(listProducts)`, `wrap(controller.list)`: the wrapped function runs.
    for (const argument of [...inner.arguments].reverse()) {
      const candidate = unwrap(argument);
      if (ts.isObjectLiteralExpression(candidate) || ts.isLiteralExpression(candidate)) continue;
      const handler = resolveHandler(linked, file, argument, depth + 1);
      if (handler.node) return handler;
    }
    // A factory (`makeListHandler(deps)`): the factory's body holds the handler it returns.
    return resolveHandler(linked, file, inner.expression, depth + 1);
  }
  return unknown;
}

function handlerOfDeclaration(
  linked: LinkedModules,
  found: Located,
  name: string,
  depth: number,
): RouteHandler {
  const node = found.node;
  if (ts.isVariableDeclaration(node) && node.initializer) {
    const initializer = unwrap(node.initializer);
    if (ts.isCallExpression(initializer)) {
      const wrapped = resolveHandler(linked, found.file, initializer, depth + 1);
      return wrapped.node
        ? { file: found.file, symbol: name, node: wrapped.node }
        : { file: found.file, symbol: name, node };
    }
    return { file: found.file, symbol: name, node: initializer };
  }
  if (ts.isSourceFile(node)) return { file: found.file, symbol: name, node: undefined };
  const declaredName = (node as ts.NamedDeclaration).name;
  return {
    file: found.file,
    symbol: declaredName && ts.isIdentifier(declaredName) ? declaredName.text : name,
    node,
  };
}

/** `obj.method`: a method of the class `obj` instantiates, of an object literal, of a class, or of a module. */
function memberHandler(
  linked: LinkedModules,
  file: string,
  access: ts.PropertyAccessExpression,
  depth: number,
): RouteHandler | undefined {
  const member = access.name.text;
  const owner = ownerOf(linked, file, unwrap(access.expression));
  if (!owner) return undefined;
  if (ts.isSourceFile(owner.node)) {
    const ref = linked.resolveExport(owner.file, member);
    const found = ref && declarationOf(linked, ref);
    return found ? handlerOfDeclaration(linked, found, member, depth) : undefined;
  }
  if (ts.isClassLike(owner.node)) {
    const method = classMember(owner.node, member);
    const className = owner.node.name?.text ?? 'default';
    return method ? { file: owner.file, symbol: `${className}.${member}`, node: method } : undefined;
  }
  if (ts.isObjectLiteralExpression(owner.node)) {
    const property = owner.node.properties.find(
      (p) => p.name && ts.isIdentifier(p.name) && p.name.text === member,
    );
    if (!property) return undefined;
    const objectName = ts.isVariableDeclaration(owner.node.parent)
      ? owner.node.parent.name.getText()
      : 'object';
    const node = ts.isPropertyAssignment(property) ? property.initializer : property;
    return { file: owner.file, symbol: `${objectName}.${member}`, node };
  }
  return undefined;
}

/**
 * What the receiver of a member access stands for: a class (its instance, or itself for a static member), an object
 * literal, or a module (a namespace import).
 */
export function ownerOf(
  linked: LinkedModules,
  file: string,
  expression: ts.Expression,
  depth = 0,
): Located | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) {
    const declaration = enclosingClass(expression);
    return declaration ? { file, node: declaration } : undefined;
  }
  if (ts.isNewExpression(expression)) return ownerOf(linked, file, unwrap(expression.expression), depth + 1);
  if (ts.isPropertyAccessExpression(expression)) {
    // `this.controller.list`: the member's initializer or declared type says what it is.
    const outer = ownerOf(linked, file, unwrap(expression.expression), depth + 1);
    if (!outer || !ts.isClassLike(outer.node)) return undefined;
    const member = classMember(outer.node, expression.name.text);
    return member ? ownerOfTyped(linked, outer.file, member, depth) : undefined;
  }
  if (!ts.isIdentifier(expression)) return undefined;
  const found = locateName(linked, file, expression.text, expression);
  if (!found) return undefined;
  if (ts.isSourceFile(found.node) || ts.isClassLike(found.node)) return found;
  return ownerOfTyped(linked, found.file, found.node, depth);
}

function ownerOfTyped(
  linked: LinkedModules,
  file: string,
  node: ts.Node,
  depth: number,
): Located | undefined {
  if (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) {
    const initializer = node.initializer && unwrap(node.initializer);
    if (initializer && ts.isObjectLiteralExpression(initializer)) return { file, node: initializer };
    if (initializer && (ts.isNewExpression(initializer) || ts.isIdentifier(initializer))) {
      return ownerOf(linked, file, initializer, depth + 1);
    }
    const type = node.type;
    if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      return ownerOf(linked, file, type.typeName, depth + 1);
    }
  }
  return undefined;
}

export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isAwaitExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}
