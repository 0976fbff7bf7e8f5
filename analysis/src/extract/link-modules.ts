// The cross-file view of scanned modules: import specifiers resolved to files, exported names followed through barrels.
import type { LoadedFile } from '../load/loaded-project.js';
import type { ResolveModule } from './resolve-module.js';
import type { ModuleScan } from './scan-module.js';

/** A declaration somewhere in the project: `local` is a top-level name of `file`, `*` for the whole module. */
export interface DeclarationRef {
  readonly file: string;
  readonly local: string;
}

export interface LinkedModules {
  readonly files: ReadonlyMap<string, LoadedFile>;
  readonly scans: ReadonlyMap<string, ModuleScan>;
  /** The analysed file a specifier imported from `from` resolves to. */
  resolve(from: string, specifier: string): string | undefined;
  /** Follows re-exports (named and `export *`) to the declaring file; `*` when only the module is known. */
  resolveExport(file: string, name: string): DeclarationRef | undefined;
  /** What a local name of `file` refers to: its own top-level declaration, or an import's declaration. */
  resolveName(file: string, name: string): DeclarationRef | undefined;
}

export function linkModules(
  files: readonly LoadedFile[],
  scans: ReadonlyMap<string, ModuleScan>,
  resolveModule: ResolveModule,
): LinkedModules {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const resolve = (from: string, specifier: string): string | undefined => {
    const file = byPath.get(from);
    return file ? resolveModule(specifier, file.absolutePath) : undefined;
  };

  const resolveExport = (
    file: string,
    name: string,
    seen = new Set<string>(),
  ): DeclarationRef | undefined => {
    if (name === '*') return { file, local: '*' };
    const key = `${file}\0${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const scan = scans.get(file);
    if (!scan) return undefined;
    const target = scan.exports.get(name);
    if (target?.kind === 'local') {
      // `export { x }` of an imported `x` re-exports it.
      const binding = scan.bindings.get(target.local);
      if (binding) {
        const next = resolve(file, binding.specifier);
        return next ? resolveExport(next, binding.name, seen) : undefined;
      }
      return { file, local: target.local };
    }
    if (target?.kind === 'from') {
      const next = resolve(file, target.specifier);
      return next ? resolveExport(next, target.name, seen) : undefined;
    }
    for (const specifier of scan.starExports) {
      const next = resolve(file, specifier);
      const found = next ? resolveExport(next, name, seen) : undefined;
      if (found) return found;
    }
    // CommonJS modules and `export =` have no named exports we can see: the module is the best answer.
    return scan.exports.size === 0 && scan.starExports.length === 0 ? { file, local: '*' } : undefined;
  };

  const resolveName = (file: string, name: string): DeclarationRef | undefined => {
    const scan = scans.get(file);
    if (!scan) return undefined;
    // Bindings first: `const x = require('m')` is both a declaration and an import, and the import is what it means.
    const binding = scan.bindings.get(name);
    if (!binding) return scan.declarations.has(name) ? { file, local: name } : undefined;
    const target = resolve(file, binding.specifier);
    return target ? resolveExport(target, binding.name) : undefined;
  };

  return {
    files: byPath,
    scans,
    resolve,
    resolveExport: (file, name) => resolveExport(file, name),
    resolveName,
  };
}
