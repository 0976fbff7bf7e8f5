// Visits every identifier that refers to something (not a declared name, not a property name) under a node.
import { ts } from 'ts-morph';

export interface WalkHooks {
  /** A referring identifier; `member` is the property read from it (`ns.member`, `Ns.Member` in a type). */
  readonly reference: (
    name: string,
    member: string | undefined,
    node: ts.Identifier,
    inType: boolean,
  ) => void;
  /** Every call expression, before its children are visited. */
  readonly call?: (node: ts.CallExpression) => void;
  /** Every string-like literal (string, no-substitution template, template expression). */
  readonly literal?: (node: ts.StringLiteralLike | ts.TemplateExpression) => void;
  /** `this.member`, read anywhere under the node. */
  readonly thisMember?: (member: string, node: ts.PropertyAccessExpression) => void;
  /** `import('x').T` in a type position. */
  readonly importType?: (specifier: string) => void;
}

const DECLARED_NAME = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.EnumMember,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.TypeParameter,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.BindingElement,
  ts.SyntaxKind.LabeledStatement,
  ts.SyntaxKind.JsxAttribute,
]);

/** Walks `root`; with `types: false` type positions are skipped (a type annotation is not a call). */
export function walkReferences(root: ts.Node, types: boolean, hooks: WalkHooks): void {
  let typeDepth = 0;
  const visitType = (node: ts.Node): void => {
    typeDepth += 1;
    ts.forEachChild(node, visit);
    typeDepth -= 1;
  };
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.Identifier:
        visitIdentifier(node as ts.Identifier, hooks, typeDepth > 0);
        return;
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ImportEqualsDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
        return;
      case ts.SyntaxKind.PropertyAccessExpression: {
        const access = node as ts.PropertyAccessExpression;
        if (access.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(access.name)) {
          hooks.thisMember?.(access.name.text, access);
        }
        break;
      }
      case ts.SyntaxKind.CallExpression:
        hooks.call?.(node as ts.CallExpression);
        break;
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateExpression:
        hooks.literal?.(node as ts.StringLiteralLike | ts.TemplateExpression);
        break;
      case ts.SyntaxKind.ImportType: {
        const argument = (node as ts.ImportTypeNode).argument;
        if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal))
          hooks.importType?.(argument.literal.text);
        break;
      }
      case ts.SyntaxKind.HeritageClause: {
        // `extends Base` is a runtime reference even though the compiler models it as a type node.
        const clause = node as ts.HeritageClause;
        if (clause.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(clause.parent)) {
          for (const type of clause.types) {
            visit(type.expression);
            if (types) type.typeArguments?.forEach(visitType);
          }
          return;
        }
        break;
      }
      default: {
        const isType =
          (node.kind >= ts.SyntaxKind.FirstTypeNode && node.kind <= ts.SyntaxKind.LastTypeNode) ||
          node.kind === ts.SyntaxKind.InterfaceDeclaration ||
          node.kind === ts.SyntaxKind.TypeAliasDeclaration;
        if (isType) {
          if (types) visitType(node);
          return;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
}

function visitIdentifier(node: ts.Identifier, hooks: WalkHooks, inType: boolean): void {
  const parent = node.parent;
  if (!parent) return;
  if (ts.isPropertyAccessExpression(parent)) {
    if (parent.name === node) return;
    hooks.reference(node.text, ts.isIdentifier(parent.name) ? parent.name.text : undefined, node, inType);
    return;
  }
  if (ts.isQualifiedName(parent)) {
    if (parent.right === node) return;
    hooks.reference(node.text, parent.right.text, node, inType);
    return;
  }
  if (DECLARED_NAME.has(parent.kind) && (parent as ts.NamedDeclaration).name === node) return;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return;
  if (ts.isExportSpecifier(parent) || ts.isImportSpecifier(parent) || ts.isNamespaceImport(parent)) return;
  if (ts.isBreakOrContinueStatement(parent)) return;
  hooks.reference(node.text, undefined, node, inType);
}
