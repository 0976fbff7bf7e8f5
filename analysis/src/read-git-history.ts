// Reads co-change evidence for `--git`: the files of each recent commit under the analysed root.
import { execFileSync } from 'node:child_process';
import { AnalysisError } from './errors.js';

/** Commits are read newest first; older history says less about today's design and costs time on big repos. */
export const MAX_COMMITS = 2000;

/** Each commit's changed files, relative to `root` (`git log --relative`); a root outside git is an error. */
export function readCommitFiles(root: string, maxCommits = MAX_COMMITS): string[][] {
  let output: string;
  try {
    output = execFileSync(
      'git',
      [
        'log',
        '--relative',
        '--name-only',
        '--no-renames',
        '--format=%x1e',
        `--max-count=${maxCommits}`,
        '--',
        '.',
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    // A fresh repository has no history yet: no co-change evidence, not an error.
    if (/does not have any commits yet/.test(String((error as { stderr?: unknown }).stderr ?? ''))) return [];
    throw new AnalysisError('FICUS_ANALYSIS_GIT_FAILED', `could not read git history under ${root}`, {
      cause: error,
    });
  }
  return output
    .split('\u001e')
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .filter((files) => files.length > 0);
}
