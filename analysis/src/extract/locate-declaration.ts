// Finds the declaration an identifier refers to: lexically in its own file first, then through the file's imports.
import { ts } from 'ts-morph';
import type { DeclarationRef, LinkedModules } from './link-modules.js';

/** A node in a file of the project. */
export interface Located {
  readonly file: string;
  readonly node: ts.Node;
}

/** The declaration of `ref`: a top-level declaration, or the whole source file for `*`. */
export function declarationOf(linked: LinkedModules, ref: DeclarationRef): Located | undefined {
  if (ref.local === '*') {
    const file = linked.files.get(ref.file);
    return file ? { file: ref.file, node: file.sourceFile } : undefined;
  }
  const node = linked.scans.get(ref.file)?.declarations.get(ref.local);
  return node ? { file: ref.file, node } : undefined;
}

/** Where `name`, used at `at` in `file`, is declared: a parameter, variable, function or class, or an import. */
export function locateName(
  linked: LinkedModules,
  file: string,
  name: string,
  at: ts.Node,
): Located | undefined {
  const local = lexicalDeclaration(name, at);
  if (local) return { file, node: local };
  const ref = linked.resolveName(file, name);
  return ref ? declarationOf(linked, ref) : undefined;
}

/** Nearest enclosing declaration of `name` that is not an import (imports are resolved by the linker). */
export function lexicalDeclaration(name: string, at: ts.Node): ts.Node | undefined {
  for (let node: ts.Node | undefined = at.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node)) {
      for (const parameter of node.parameters) {
        if (bindsName(parameter.name, name)) return parameter;
      }
      if ((ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) && node.name?.text === name)
        return node;
    }
    if (ts.isClassLike(node) && node.name?.text === name) return node;
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node)) {
      const found = declarationIn(node.statements, name);
      if (found) return found;
    }
  }
  return undefined;
}

function declarationIn(statements: ts.NodeArray<ts.Statement>, name: string): ts.Node | undefined {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (bindsName(declaration.name, name)) return declaration;
      }
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
      statement.name?.text === name
    ) {
      return statement;
    } else if (ts.isEnumDeclaration(statement) && statement.name.text === name) {
      return statement;
    }
  }
  return undefined;
}

function bindsName(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some(
    (element) => !ts.isOmittedExpression(element) && bindsName(element.name, name),
  );
}

/** The class a node sits in, if any. */
export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
  }
  return undefined;
}

/** A named member of a class: a method, property, accessor, or a constructor parameter property. */
export function classMember(declaration: ts.ClassLikeDeclaration, name: string): ts.Node | undefined {
  for (const member of declaration.members) {
    if (member.name && ts.isIdentifier(member.name) && member.name.text === name) return member;
    if (ts.isConstructorDeclaration(member)) {
      const parameter = member.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (parameter) return parameter;
    }
  }
  return undefined;
}
