// Resolves an import specifier to an analysed file with the compiler's own resolution (paths, NodeNext `.js`, index).
import { ts } from 'ts-morph';
import type { LoadedProject } from '../load/loaded-project.js';

export type ResolveModule = (specifier: string, fromAbsolute: string) => string | undefined;

/** Returns a resolver mapping a specifier to the analysed file's relative path, or undefined (external, missing). */
export function createModuleResolver(project: LoadedProject): ResolveModule {
  const analysed = new Map(project.files.map((file) => [file.absolutePath, file.path]));
  const exists = new Map<string, boolean>();
  const host: ts.ModuleResolutionHost = {
    fileExists: (path) => {
      if (analysed.has(path)) return true;
      let known = exists.get(path);
      if (known === undefined) exists.set(path, (known = ts.sys.fileExists(path)));
      return known;
    },
    readFile: (path) => ts.sys.readFile(path),
    directoryExists: (path) => ts.sys.directoryExists(path),
    realpath: (path) => path,
    getCurrentDirectory: () => project.root,
  };
  const options = project.compilerOptions;
  // Legacy sources often omit extensions under NodeNext; bundler resolution is the lenient second try.
  const lenient: ts.CompilerOptions = {
    ...options,
    allowJs: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const cache = ts.createModuleResolutionCache(project.root, (name) => name, options);
  const lenientCache = ts.createModuleResolutionCache(project.root, (name) => name, lenient);
  const memo = new Map<string, string | undefined>();

  return (specifier, fromAbsolute) => {
    const key = `${fromAbsolute}\0${specifier}`;
    if (memo.has(key)) return memo.get(key);
    let resolved = ts.resolveModuleName(specifier, fromAbsolute, options, host, cache).resolvedModule;
    if (!resolved || !analysed.has(resolved.resolvedFileName)) {
      resolved = ts.resolveModuleName(specifier, fromAbsolute, lenient, host, lenientCache).resolvedModule;
    }
    const file = resolved ? analysed.get(resolved.resolvedFileName) : undefined;
    memo.set(key, file);
    return file;
  };
}
