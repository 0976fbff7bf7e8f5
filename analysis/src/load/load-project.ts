// Loads a project for analysis: its tsconfig (or a folder walk), parsed by ts-morph's compiler, no emit, no type-check.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ts } from 'ts-morph';
import { AnalysisError } from '../errors.js';
import type { LoadedFile, LoadedProject } from './loaded-project.js';
import { parseCached } from './parse-cache.js';
import { isAnalysedSource, toRelative, walkSourceFiles } from './select-source-files.js';

export interface LoadOptions {
  /** A tsconfig path (relative to the root or absolute); default `<root>/tsconfig.json` when it exists. */
  readonly tsconfig?: string;
  readonly onProgress?: (event: { stage: string; done: number; total: number }) => void;
}

// Without a tsconfig, resolve the way bundlers and modern Node projects do, JavaScript included.
const FOLDER_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
};

export function loadProject(rootArgument: string, options: LoadOptions = {}): LoadedProject {
  const root = resolve(rootArgument);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new AnalysisError('FICUS_ANALYSIS_NO_SOURCES', `${root} is not a folder`);
  }
  const tsconfig = findTsconfig(root, options.tsconfig);
  const { compilerOptions, fileNames } = tsconfig ? readTsconfig(tsconfig) : folderProject(root);
  const selected = fileNames.filter((file) => isAnalysedSource(toRelative(root, file))).sort();
  if (selected.length === 0) {
    throw new AnalysisError('FICUS_ANALYSIS_NO_SOURCES', `no source files found under ${root}`);
  }

  // Only the analysed files are parsed, each on its own: no program, no lib files (the DOM lib least of all), no
  // dependency resolution. ts-morph's Project wrappers cost more than the parse itself on a large project (about 1.3 s
  // per 200k lines, measured), and the later stages read the compiler's own nodes, so the compiler ts-morph bundles
  // parses directly.
  const files: LoadedFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  selected.forEach((absolutePath, index) => {
    const path = toRelative(root, absolutePath);
    try {
      const sourceFile = parseCached(absolutePath, readFileSync(absolutePath, 'utf8'));
      const problem = firstParseError(sourceFile);
      if (problem) skipped.push({ path, reason: problem });
      else files.push({ path, absolutePath, sourceFile });
    } catch (error) {
      skipped.push({ path, reason: error instanceof Error ? error.message : String(error) });
    }
    if (index % 200 === 199) options.onProgress?.({ stage: 'load', done: index + 1, total: selected.length });
  });
  options.onProgress?.({ stage: 'load', done: selected.length, total: selected.length });
  return { root, tsconfig, compilerOptions, files, skipped };
}

function findTsconfig(root: string, given: string | undefined): string | undefined {
  if (given !== undefined && given !== '') {
    let path = resolve(root, given);
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'tsconfig.json');
    if (!existsSync(path))
      throw new AnalysisError('FICUS_ANALYSIS_TSCONFIG_UNREADABLE', `tsconfig ${path} does not exist`);
    return path;
  }
  const candidate = join(root, 'tsconfig.json');
  return existsSync(candidate) ? candidate : undefined;
}

function readTsconfig(path: string): { compilerOptions: ts.CompilerOptions; fileNames: string[] } {
  const problems: string[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) =>
        problems.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
    },
  );
  if (!parsed) {
    throw new AnalysisError(
      'FICUS_ANALYSIS_TSCONFIG_UNREADABLE',
      `cannot read ${path}: ${problems.join('; ')}`,
    );
  }
  // Unknown or deprecated options do not stop an analysis; a tsconfig (or its `extends` base) that cannot be read
  // or parsed does, since its include rules and paths would be silently lost.
  const fatal = parsed.errors.filter(
    (error) => error.code === 5083 || error.code === 6053 || error.code < 2000,
  );
  if (fatal.length > 0) {
    const messages = fatal.map((error) => ts.flattenDiagnosticMessageText(error.messageText, ' '));
    throw new AnalysisError(
      'FICUS_ANALYSIS_TSCONFIG_UNREADABLE',
      `cannot read ${path}: ${messages.join('; ')}`,
    );
  }
  return { compilerOptions: { ...parsed.options, configFilePath: path }, fileNames: parsed.fileNames };
}

function folderProject(root: string): { compilerOptions: ts.CompilerOptions; fileNames: string[] } {
  return { compilerOptions: { ...FOLDER_OPTIONS, baseUrl: root }, fileNames: walkSourceFiles(root) };
}

function firstParseError(sourceFile: ts.SourceFile): string | undefined {
  // parseDiagnostics is internal to the compiler but stable for a decade; it is the only way to learn about syntax
  // errors without building a program.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] })
    .parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first) return undefined;
  const { line } = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
  return `syntax error at line ${line + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`;
}
