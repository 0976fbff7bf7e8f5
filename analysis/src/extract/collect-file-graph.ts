// The file graph: import edges between analysed files by kind, and the exported symbols each file uses from another.
import { compareText } from '../compare-text.js';
import type { ImportEdge, SymbolReference } from './extracted-project.js';
import type { LinkedModules } from './link-modules.js';

export function collectImportEdges(linked: LinkedModules): ImportEdge[] {
  const edges = new Map<string, ImportEdge>();
  for (const [from, scan] of linked.scans) {
    for (const { specifier, kind } of scan.imports) {
      const to = linked.resolve(from, specifier);
      if (to === undefined || to === from) continue;
      edges.set(`${from}\0${to}\0${kind}`, { from, to, kind });
    }
  }
  return [...edges.values()].sort(compareEdges);
}

export function collectSymbolReferences(linked: LinkedModules): SymbolReference[] {
  const references = new Map<
    string,
    { from: string; to: string; symbols: Set<string>; count: number; typeCount: number }
  >();
  for (const [from, scan] of linked.scans) {
    for (const [key, use] of scan.uses) {
      const dot = key.indexOf('.');
      const local = dot < 0 ? key : key.slice(0, dot);
      const member = dot < 0 ? undefined : key.slice(dot + 1);
      const binding = scan.bindings.get(local);
      const target = binding && linked.resolve(from, binding.specifier);
      if (!binding || target === undefined) continue;
      const name = binding.name === '*' ? (member ?? '*') : binding.name;
      const declaration = linked.resolveExport(target, name) ?? { file: target, local: name };
      if (declaration.file === from) continue;
      const symbol = declaration.local === '<default>' ? 'default' : declaration.local;
      const id = `${from}\0${declaration.file}`;
      let reference = references.get(id);
      if (!reference)
        references.set(
          id,
          (reference = { from, to: declaration.file, symbols: new Set(), count: 0, typeCount: 0 }),
        );
      reference.symbols.add(symbol);
      reference.count += use.count;
      reference.typeCount += use.typeCount;
    }
  }
  return [...references.values()]
    .map(({ from, to, symbols, count, typeCount }) => ({
      from,
      to,
      symbols: [...symbols].sort(),
      count,
      typeCount,
    }))
    .sort(compareEdges);
}

function compareEdges(
  a: { from: string; to: string; kind?: string },
  b: { from: string; to: string; kind?: string },
): number {
  return compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.kind ?? '', b.kind ?? '');
}
