import t from 'tap';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededTemplate } from '@ficus/monolith';

const command = fileURLToPath(new URL('../../src/data-move/data-move-main.js', import.meta.url));

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [command, ...args], {
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

t.test('the command moves the data, prints the table on stdout and progress on stderr', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-reviews-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(seededTemplate(), join(dir, 'monolith.sqlite'));
  const first = run(['--from', join(dir, 'monolith.sqlite'), '--to', join(dir, 'reviews.sqlite')]);
  t.equal(first.status, 0);
  t.match(first.stdout, /\| table +\| mode +\| state/);
  t.notMatch(first.stdout, / NO +\|/);
  t.match(first.stderr, /data-move \w+: batch 1, /);
  const again = run(['--from', join(dir, 'monolith.sqlite'), '--to', join(dir, 'reviews.sqlite')]);
  t.equal(again.status, 0);
  t.notMatch(again.stdout, /\| copied /, 'nothing copied the second time');
});

t.test('usage errors exit 2 with a code; a missing source exits 1', async (t) => {
  const help = run(['--help']);
  t.equal(help.status, 0);
  t.match(help.stdout, /--batch-size/);
  const bad = run(['--frm', 'x']);
  t.equal(bad.status, 2);
  t.match(bad.stderr, /^FICUS_CLI_USAGE: /);
  t.equal(run(['--from', 'a.sqlite']).status, 2);
  const missing = run(['--from', '/nonexistent/monolith.sqlite', '--to', '/tmp/never.sqlite']);
  t.equal(missing.status, 1);
  t.match(missing.stderr, /^FICUS_CLI_DATA_MOVE_FAILED: no database at/);
});
