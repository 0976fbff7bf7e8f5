// The shared `npm run data-move` command line: help, usage errors and a missing source, without a real move.
import t from 'tap';
import { runDataMoveCli, type DataMoveCli } from '../../src/data-move/data-move-cli.js';

function run(argv: string[]): { status: number; stdout: string; stderr: string; moved: number } {
  let moved = 0;
  const cli: DataMoveCli = {
    usage: 'npm run data-move -w extracted-services/example -- --from <a> --to <b>',
    description: 'Copies the example tables.',
    move: () => {
      moved += 1;
      return { tables: [], durationMs: 0 };
    },
  };
  let stdout = '';
  let stderr = '';
  const status = runDataMoveCli(cli, argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout, stderr, moved };
}

t.test('--help prints the service usage, its description and the options', async (t) => {
  const help = run(['--help']);
  t.equal(help.status, 0);
  t.match(help.stdout, /^Usage: npm run data-move -w extracted-services\/example /);
  t.match(help.stdout, /Copies the example tables\./);
  t.match(help.stdout, /--batch-size/);
  t.equal(help.moved, 0);
});

t.test('usage errors exit 2 with a code; a missing source exits 1', async (t) => {
  const bad = run(['--frm', 'x']);
  t.equal(bad.status, 2);
  t.match(bad.stderr, /^FICUS_CLI_USAGE: /);
  t.equal(run(['--from', 'a.sqlite']).status, 2);
  t.equal(run(['--from', 'a.sqlite', '--to', 'b.sqlite', '--batch-size', '0']).status, 2);
  const missing = run(['--from', '/nonexistent/monolith.sqlite', '--to', '/tmp/never.sqlite']);
  t.equal(missing.status, 1);
  t.match(missing.stderr, /^FICUS_CLI_DATA_MOVE_FAILED: no database at/);
  t.equal(missing.moved, 0);
});
