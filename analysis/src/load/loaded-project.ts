// The typed output of the load stage: the parsed source files of one project and how to resolve their imports.
import type { ts } from 'ts-morph';

export interface LoadedFile {
  /** Path relative to the root, forward slashes. */
  readonly path: string;
  readonly absolutePath: string;
  readonly sourceFile: ts.SourceFile;
}

export interface LoadedProject {
  /** Absolute path of the analysed root. */
  readonly root: string;
  /** The tsconfig the project was loaded from, if any. */
  readonly tsconfig: string | undefined;
  readonly compilerOptions: ts.CompilerOptions;
  /** Parsed files, sorted by path. */
  readonly files: readonly LoadedFile[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}
