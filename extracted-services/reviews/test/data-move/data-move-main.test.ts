// The service's data-move entry point end to end; the shared option handling is tested in tools/test/data-move.
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

t.test('--help names this service', async (t) => {
  const help = run(['--help']);
  t.equal(help.status, 0);
  t.match(help.stdout, /--batch-size/);
  t.match(help.stdout, /-w extracted-services\/reviews /);
});
