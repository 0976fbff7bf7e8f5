// Reads one file's module surface: imports and their local bindings, exports and re-exports, top-level declarations.
import { ts } from 'ts-morph';
import type { ImportKind } from './extracted-project.js';
import { walkReferences } from './walk-references.js';

export interface ModuleImport {
  readonly specifier: string;
  readonly kind: ImportKind;
}

/** A local name bound by an import: `name` is the exported name, `*` for a namespace, `default` for the default. */
export interface ImportBinding {
  readonly specifier: string;
  readonly name: string;
  readonly typeOnly: boolean;
}

/** What an exported name stands for: a local declaration, or a name re-exported from another module. */
export type ExportTarget =
  | { readonly kind: 'local'; readonly local: string }
  | { readonly kind: 'from'; readonly specifier: string; readonly name: string };

export interface ModuleScan {
  readonly imports: readonly ModuleImport[];
  readonly bindings: ReadonlyMap<string, ImportBinding>;
  readonly exports: ReadonlyMap<string, ExportTarget>;
  /** `export * from` specifiers. */
  readonly starExports: readonly string[];
  /** Top-level declarations by name (functions, classes, variables, enums; interfaces and types too). */
  readonly declarations: ReadonlyMap<string, ts.Node>;
  readonly exportCount: number;
  readonly abstractExportCount: number;
  /**
   * How often each import binding is used (key `name`, or `name.member` for a namespace binding), and how many of
   * those uses are in type positions.
   */
  readonly uses: ReadonlyMap<string, BindingUse>;
}

export interface BindingUse {
  count: number;
  typeCount: number;
}

export function scanModule(sourceFile: ts.SourceFile): ModuleScan {
  const imports: ModuleImport[] = [];
  const bindings = new Map<string, ImportBinding>();
  const exports = new Map<string, ExportTarget>();
  const starExports: string[] = [];
  const declarations = new Map<string, ts.Node>();
  let exportCount = 0;
  let abstractExportCount = 0;

  const countExport = (abstract: boolean): void => {
    exportCount += 1;
    if (abstract) abstractExportCount += 1;
  };

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      scanImport(statement, imports, bindings);
    } else if (ts.isExportDeclaration(statement)) {
      scanExportDeclaration(statement, imports, exports, starExports, countExport);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      const reference = statement.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
        const specifier = reference.expression.text;
        imports.push({ specifier, kind: statement.isTypeOnly ? 'type-only' : 'require' });
        bindings.set(statement.name.text, { specifier, name: '*', typeOnly: statement.isTypeOnly });
      }
    } else if (ts.isExportAssignment(statement)) {
      exports.set('default', { kind: 'local', local: nameOfExpression(statement.expression) ?? '<default>' });
      if (!ts.isIdentifier(statement.expression)) declarations.set('<default>', statement.expression);
      countExport(false);
    } else {
      scanDeclaration(statement, declarations, exports, countExport);
    }
  }
  const uses = collectDynamicImportsAndUses(sourceFile, imports, bindings);
  return { imports, bindings, exports, starExports, declarations, exportCount, abstractExportCount, uses };
}

/** One walk of the file: `import()`, `require()` and `import('x').T` edges, and how often each binding is used. */
function collectDynamicImportsAndUses(
  sourceFile: ts.SourceFile,
  imports: ModuleImport[],
  bindings: Map<string, ImportBinding>,
): Map<string, BindingUse> {
  const uses = new Map<string, BindingUse>();
  walkReferences(sourceFile, true, {
    reference: (name, member, _node, inType) => {
      const binding = bindings.get(name);
      if (!binding) return;
      const key = binding.name === '*' && member !== undefined ? `${name}.${member}` : name;
      let use = uses.get(key);
      if (!use) uses.set(key, (use = { count: 0, typeCount: 0 }));
      use.count += 1;
      if (inType) use.typeCount += 1;
    },
    call: (call) => {
      const kind = dynamicKind(call);
      const argument = call.arguments[0];
      if (!kind || !argument || !ts.isStringLiteralLike(argument)) return;
      const specifier = argument.text;
      imports.push({ specifier, kind });
      bindRequired(call, specifier, bindings);
    },
    importType: (specifier) => imports.push({ specifier, kind: 'type-only' }),
  });
  return uses;
}

function dynamicKind(call: ts.CallExpression): ImportKind | undefined {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return 'dynamic';
  if (ts.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1) {
    return 'require';
  }
  return undefined;
}

/** `const x = require('m')`, `const { a } = await import('m')`: the names they bind. */
function bindRequired(
  call: ts.CallExpression,
  specifier: string,
  bindings: Map<string, ImportBinding>,
): void {
  let node: ts.Node = call.parent;
  while (ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node)) node = node.parent;
  if (!ts.isVariableDeclaration(node)) return;
  if (ts.isIdentifier(node.name)) {
    bindings.set(node.name.text, { specifier, name: '*', typeOnly: false });
  } else if (ts.isObjectBindingPattern(node.name)) {
    for (const element of node.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      const imported =
        element.propertyName && ts.isIdentifier(element.propertyName)
          ? element.propertyName.text
          : element.name.text;
      bindings.set(element.name.text, { specifier, name: imported, typeOnly: false });
    }
  }
}

function scanImport(
  statement: ts.ImportDeclaration,
  imports: ModuleImport[],
  bindings: Map<string, ImportBinding>,
): void {
  if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
  const specifier = statement.moduleSpecifier.text;
  const clause = statement.importClause;
  const clauseTypeOnly = clause?.isTypeOnly ?? false;
  let everyNameTypeOnly = clause !== undefined;
  if (clause?.name) {
    everyNameTypeOnly &&= clauseTypeOnly;
    bindings.set(clause.name.text, { specifier, name: 'default', typeOnly: clauseTypeOnly });
  }
  const named = clause?.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    everyNameTypeOnly &&= clauseTypeOnly;
    bindings.set(named.name.text, { specifier, name: '*', typeOnly: clauseTypeOnly });
  } else if (named) {
    // `import { type A, type B } from` is as type-only as `import type { A, B } from`; `import {} from` is not.
    if (named.elements.length === 0 && !clause?.name) everyNameTypeOnly = clauseTypeOnly;
    for (const element of named.elements) {
      const typeOnly = clauseTypeOnly || element.isTypeOnly;
      everyNameTypeOnly &&= typeOnly;
      bindings.set(element.name.text, {
        specifier,
        name: (element.propertyName ?? element.name).text,
        typeOnly,
      });
    }
  }
  imports.push({ specifier, kind: everyNameTypeOnly ? 'type-only' : 'static' });
}

function scanExportDeclaration(
  statement: ts.ExportDeclaration,
  imports: ModuleImport[],
  exports: Map<string, ExportTarget>,
  starExports: string[],
  countExport: (abstract: boolean) => void,
): void {
  const specifier =
    statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
      ? statement.moduleSpecifier.text
      : undefined;
  const clause = statement.exportClause;
  if (specifier !== undefined) {
    const elements = clause && ts.isNamedExports(clause) ? clause.elements : [];
    const typeOnly =
      statement.isTypeOnly || (elements.length > 0 && elements.every((element) => element.isTypeOnly));
    imports.push({ specifier, kind: typeOnly ? 'type-only' : 're-export' });
    if (!clause) starExports.push(specifier);
    else if (ts.isNamespaceExport(clause))
      exports.set(clause.name.text, { kind: 'from', specifier, name: '*' });
  }
  if (clause && ts.isNamedExports(clause)) {
    for (const element of clause.elements) {
      const local = (element.propertyName ?? element.name).text;
      exports.set(
        element.name.text,
        specifier === undefined ? { kind: 'local', local } : { kind: 'from', specifier, name: local },
      );
      countExport(statement.isTypeOnly || element.isTypeOnly);
    }
  }
}

function scanDeclaration(
  statement: ts.Statement,
  declarations: Map<string, ts.Node>,
  exports: Map<string, ExportTarget>,
  countExport: (abstract: boolean) => void,
): void {
  const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
  const exported = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  const abstract =
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.AbstractKeyword);

  const names: string[] = [];
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      for (const name of boundNames(declaration.name)) {
        declarations.set(name, declaration);
        names.push(name);
      }
    }
  } else if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isModuleDeclaration(statement)
  ) {
    const name =
      statement.name && ts.isIdentifier(statement.name)
        ? statement.name.text
        : isDefault
          ? '<default>'
          : undefined;
    if (name === undefined) return;
    // Overloads and declaration merging: the declaration with a body is the one that runs.
    if (!declarations.has(name) || ('body' in statement && statement.body)) declarations.set(name, statement);
    names.push(name);
  }
  if (!exported) return;
  for (const name of names) {
    exports.set(isDefault ? 'default' : name, { kind: 'local', local: name });
    countExport(abstract);
  }
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : boundNames(element.name),
  );
}

function nameOfExpression(expression: ts.Expression): string | undefined {
  return ts.isIdentifier(expression) ? expression.text : undefined;
}
