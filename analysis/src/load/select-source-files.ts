// Which files of a project are analysed: the tsconfig's files (or a folder walk), minus tests, declarations and output.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SOURCE_EXTENSION = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
const EXCLUDED_SEGMENTS = new Set([
  'node_modules',
  'dist',
  'build',
  'coverage',
  '.git',
  'test',
  'tests',
  '__tests__',
]);

/** True for files the analysis reads: sources, not declarations, tests, fixtures or build output. */
export function isAnalysedSource(relativePath: string): boolean {
  if (!SOURCE_EXTENSION.test(relativePath) || /\.d\.[cm]?ts$/.test(relativePath)) return false;
  if (TEST_FILE.test(relativePath)) return false;
  return !relativePath.split('/').some((segment) => EXCLUDED_SEGMENTS.has(segment));
}

/** Every analysed source file under `root` (used when the project has no tsconfig). */
export function walkSourceFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || EXCLUDED_SEGMENTS.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && isAnalysedSource(toRelative(root, full))) found.push(full);
    }
  };
  visit(root);
  return found.sort();
}

export function toRelative(root: string, absolutePath: string): string {
  return relative(root, absolutePath).split(sep).join('/');
}
