// Evaluates the string constant an expression stands for: literals, templates, `+`, and constants declared elsewhere.
import { ts } from 'ts-morph';
import type { LinkedModules } from '../link-modules.js';
import { locateName } from '../locate-declaration.js';

const MAX_DEPTH = 8;

/** The string value of `expression` in `file`, or undefined when it is not a constant the analysis can see. */
export function evaluateString(
  linked: LinkedModules,
  file: string,
  expression: ts.Expression,
  depth = 0,
): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const next = (e: ts.Expression, f = file): string | undefined => evaluateString(linked, f, e, depth + 1);
  if (ts.isStringLiteralLike(expression)) return expression.text;
  if (
    ts.isParenthesizedExpression(expression) ||
    ts.isAsExpression(expression) ||
    ts.isSatisfiesExpression(expression)
  ) {
    return next(expression.expression);
  }
  if (ts.isTemplateExpression(expression)) {
    let text = expression.head.text;
    for (const span of expression.templateSpans) {
      const value = next(span.expression);
      if (value === undefined) return undefined;
      text += value + span.literal.text;
    }
    return text;
  }
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = next(expression.left);
    const right = left === undefined ? undefined : next(expression.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (ts.isIdentifier(expression)) {
    const found = locateName(linked, file, expression.text, expression);
    if (found && ts.isVariableDeclaration(found.node) && found.node.initializer)
      return next(found.node.initializer, found.file);
    return undefined;
  }
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) {
    // `PATHS.products` where `const PATHS = { products: '/products' }`.
    const found = locateName(linked, file, expression.expression.text, expression);
    let initializer = found && ts.isVariableDeclaration(found.node) ? found.node.initializer : undefined;
    while (initializer && (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer)))
      initializer = initializer.expression;
    if (!found || !initializer || !ts.isObjectLiteralExpression(initializer)) return undefined;
    const property = propertyNamed(initializer, expression.name.text);
    return property ? next(property, found.file) : undefined;
  }
  return undefined;
}

/** The initializer of property `name` of an object literal. */
export function propertyNamed(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyName(property.name) === name)
      return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
    if (ts.isMethodDeclaration(property) && propertyName(property.name) === name) return undefined;
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}
