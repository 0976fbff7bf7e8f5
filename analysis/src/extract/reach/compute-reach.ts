// A route's reach: the files and tables its handler can get to, following calls declaration by declaration.
import { ts } from 'ts-morph';
import type { LinkedModules } from '../link-modules.js';
import type { Located } from '../locate-declaration.js';
import { classMember, declarationOf, enclosingClass } from '../locate-declaration.js';
import { walkReferences } from '../walk-references.js';
import type { PositionedAccess } from './resolve-table-access.js';

export interface Reach {
  readonly reach: string[];
  readonly tables: { readonly read: string[]; readonly write: string[] };
}

export type ReachFinder = (start: Located | undefined, file: string) => Reach;

/**
 * Starts from a handler and follows what its body refers to: imported and top-level declarations (a whole class when a
 * class is referred to), `this.member` calls inside a class, constructor-injected types (NestJS). Type-only positions
 * are not followed: a type annotation calls nothing.
 */
export function createReachFinder(
  linked: LinkedModules,
  access: ReadonlyMap<string, readonly PositionedAccess[]>,
): ReachFinder {
  const successorMemo = new Map<ts.Node, Located[]>();
  const successors = (item: Located): Located[] => {
    let found = successorMemo.get(item.node);
    if (!found) successorMemo.set(item.node, (found = findSuccessors(linked, item)));
    return found;
  };

  return (start, file) => {
    const files = new Set<string>([file]);
    const read = new Set<string>();
    const write = new Set<string>();
    if (start) {
      const seen = new Set<ts.Node>([start.node]);
      const queue: Located[] = [start];
      for (let item = queue.pop(); item; item = queue.pop()) {
        files.add(item.file);
        for (const use of access.get(item.file) ?? []) {
          if (ts.isSourceFile(item.node) || (use.pos >= item.node.pos && use.pos < item.node.end)) {
            (use.mode === 'read' ? read : write).add(use.table);
            if (use.modelFile !== undefined) files.add(use.modelFile);
          }
        }
        for (const next of successors(item)) {
          if (seen.has(next.node)) continue;
          seen.add(next.node);
          queue.push(next);
        }
      }
    }
    return { reach: [...files].sort(), tables: { read: [...read].sort(), write: [...write].sort() } };
  };
}

function findSuccessors(linked: LinkedModules, item: Located): Located[] {
  const scan = linked.scans.get(item.file);
  if (!scan) return [];
  const found: Located[] = [];
  const resolveName = (name: string, member: string | undefined): void => {
    const binding = scan.bindings.get(name);
    if (binding?.typeOnly) return;
    if (!binding && !scan.declarations.has(name)) return;
    let ref = linked.resolveName(item.file, name);
    if (binding?.name === '*' && member !== undefined && ref?.local === '*')
      ref = linked.resolveExport(ref.file, member) ?? ref;
    const declared = ref && declarationOf(linked, ref);
    const target =
      declared && member !== undefined ? (memberOf(linked, declared, member) ?? declared) : declared;
    if (target && target.node !== item.node) found.push(target);
  };
  const resolveTypeName = (type: ts.TypeNode | undefined, member: string | undefined): void => {
    if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName))
      resolveName(type.typeName.text, member);
  };

  if (ts.isSourceFile(item.node)) {
    for (const node of scan.declarations.values()) found.push({ file: item.file, node });
    return found;
  }
  walkReferences(item.node, false, {
    reference: (name, member) => resolveName(name, member),
    thisMember: (member, node) => {
      const owner = enclosingClass(node);
      const declaration = owner && classMember(owner, member);
      if (!declaration) return;
      // `this.reviews.list()` with `reviews: ReviewsService` injected: only `ReviewsService.list` is called.
      const called =
        ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node
          ? node.parent.name.text
          : undefined;
      if (
        ts.isParameter(declaration) ||
        (ts.isPropertyDeclaration(declaration) && !declaration.initializer)
      ) {
        resolveTypeName(declaration.type, called);
      } else if (declaration !== item.node) {
        const property = { file: item.file, node: declaration };
        found.push((called !== undefined && memberOf(linked, property, called)) || property);
      }
    },
  });
  // A class reached as a whole depends on what its constructor is given (injection by type).
  if (ts.isClassLike(item.node)) {
    for (const member of item.node.members) {
      if (ts.isConstructorDeclaration(member))
        for (const parameter of member.parameters) resolveTypeName(parameter.type, undefined);
    }
  }
  return found;
}

/**
 * `Service.method` of a class, of the class an instance is created from (`const service = new Service()`), or of an
 * object literal (`export const repository = { find() {...} }`).
 */
function memberOf(linked: LinkedModules, target: Located, member: string): Located | undefined {
  let owner: Located | undefined = target;
  const node = target.node;
  const initializer = (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && node.initializer;
  if (initializer && ts.isObjectLiteralExpression(initializer)) {
    const property = initializer.properties.find(
      (p) => p.name && ts.isIdentifier(p.name) && p.name.text === member,
    );
    return property ? { file: target.file, node: property } : undefined;
  }
  if (initializer && ts.isNewExpression(initializer)) {
    const created = initializer.expression;
    const ref = ts.isIdentifier(created) ? linked.resolveName(target.file, created.text) : undefined;
    owner = ref && declarationOf(linked, ref);
  }
  if (!owner || !ts.isClassLike(owner.node)) return undefined;
  const declaration = classMember(owner.node, member);
  return declaration && !ts.isParameter(declaration) ? { file: owner.file, node: declaration } : undefined;
}
