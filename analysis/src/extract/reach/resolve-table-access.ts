// Per-file table accesses with model calls resolved to the tables of the models they name (across files).
import { compareText } from '../../compare-text.js';
import type { TableAccess } from '../extracted-project.js';
import type { DirectAccess, FileDataAccess } from '../data-access/collect-data-access.js';
import type { LinkedModules } from '../link-modules.js';

/** An access at a position; `modelFile` is where the model or entity it goes through is declared. */
export interface PositionedAccess extends DirectAccess {
  readonly modelFile?: string;
}

/** Every access of every file, with its position, model uses resolved through imports. */
export function resolveTableAccess(
  linked: LinkedModules,
  access: ReadonlyMap<string, FileDataAccess>,
): Map<string, PositionedAccess[]> {
  const resolved = new Map<string, PositionedAccess[]>();
  for (const [file, facts] of access) {
    const list: PositionedAccess[] = [...facts.direct];
    for (const use of facts.modelUses) {
      const ref = linked.resolveName(file, use.model);
      const model = ref && access.get(ref.file)?.models.get(ref.local);
      if (model)
        list.push({ pos: use.pos, table: model.table, mode: use.mode, via: model.via, modelFile: ref.file });
    }
    if (list.length > 0) resolved.set(file, list);
  }
  return resolved;
}

/** The project-wide list: one entry per file, table, mode and source. */
export function listTableAccess(resolved: ReadonlyMap<string, readonly PositionedAccess[]>): TableAccess[] {
  const unique = new Map<string, TableAccess>();
  for (const [file, list] of resolved) {
    for (const { table, mode, via } of list)
      unique.set(`${file}\0${table}\0${mode}\0${via}`, { file, table, mode, via });
  }
  return [...unique.values()].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      compareText(a.table, b.table) ||
      compareText(a.mode, b.mode) ||
      compareText(a.via, b.via),
  );
}
