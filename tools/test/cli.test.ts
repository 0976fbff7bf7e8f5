// The CLI shell: help, version, exit codes and `CODE: message` errors.
import { PassThrough } from 'node:stream';
import t from 'tap';
import { COMMANDS, main } from '../src/cli.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[]): Promise<Captured> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main(argv, { stdout, stderr, env: {}, cwd: process.cwd() });
  return { code, stdout: out, stderr: err };
}

t.test('--help lists every command of the design and exits 0', async (t) => {
  const result = await run(['--help']);
  t.equal(result.code, 0);
  for (const name of ['analyze', 'routes', 'proxy', 'flags', 'status', 'demo']) {
    t.match(result.stdout, new RegExp(`^  ${name} `, 'm'), `lists ${name}`);
  }
});

t.test('no arguments prints the help and exits 2', async (t) => {
  const result = await run([]);
  t.equal(result.code, 2);
  t.match(result.stdout, /Usage: ficus <command>/);
});

t.test('an unknown command is a usage error with a stable code', async (t) => {
  const result = await run(['frobnicate']);
  t.equal(result.code, 2);
  t.match(result.stderr, /^FICUS_CLI_USAGE: unknown command "frobnicate"/);
});

t.test('every command answers --help with its usage and exits 0', async (t) => {
  for (const command of COMMANDS) {
    const result = await run([command.name, '--help']);
    t.equal(result.code, 0, `${command.name} --help exits 0`);
    t.match(result.stdout, new RegExp(`Usage: ficus ${command.name}`), `${command.name} prints its usage`);
  }
});

t.test('`help <command>` prints that command help', async (t) => {
  const result = await run(['help', 'routes']);
  t.equal(result.code, 0);
  t.match(result.stdout, /Usage: ficus routes/);
});

t.test('--version prints the version', async (t) => {
  const result = await run(['--version']);
  t.equal(result.code, 0);
  t.match(result.stdout, /^\d+\.\d+\.\d+\n$/);
});
