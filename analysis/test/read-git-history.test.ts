import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { readCommitFiles } from '../src/read-git-history.js';

t.test("lists each commit's files relative to the analysed folder, newest first", async (t) => {
  const repo = mkdtempSync(join(tmpdir(), 'ficus-git-'));
  t.teardown(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
      cwd: repo,
      stdio: 'ignore',
    });
  };
  git('init', '-q');
  mkdirSync(join(repo, 'app/src'), { recursive: true });
  writeFileSync(join(repo, 'app/src/a.ts'), '1');
  writeFileSync(join(repo, 'app/src/b.ts'), '1');
  writeFileSync(join(repo, 'README'), '1');
  git('add', '.');
  git('commit', '-q', '-m', 'one');
  writeFileSync(join(repo, 'app/src/b.ts'), '2');
  git('commit', '-q', '-am', 'two');
  t.same(readCommitFiles(join(repo, 'app')), [['src/b.ts'], ['src/a.ts', 'src/b.ts']]);
});

t.test('a repository without commits has no co-change evidence', async (t) => {
  const repo = mkdtempSync(join(tmpdir(), 'ficus-git-'));
  t.teardown(() => rmSync(repo, { recursive: true, force: true }));
  execFileSync('git', ['init', '-q'], { cwd: repo, stdio: 'ignore' });
  t.same(readCommitFiles(repo), []);
});

t.test('a folder outside git fails with a stable code', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-nogit-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.throws(() => readCommitFiles(dir), { code: 'FICUS_ANALYSIS_GIT_FAILED' });
});
