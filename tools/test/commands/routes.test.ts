// `ficus routes` on the analysis fixtures: the aligned table, --json, and the usage errors.
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { routesCommand } from '../../src/commands/routes.js';
import { CliError } from '../../src/errors.js';

const FIXTURES = fileURLToPath(new URL('../../../../analysis/test/fixtures/', import.meta.url));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  // The command's own contract: an exit code, or a CliError the CLI prints as `CODE: message` with its exit code.
  let code: number;
  try {
    code = await routesCommand.run(argv, { stdout, stderr, env: {}, cwd: FIXTURES });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    err += `${error.code}: ${error.message}\n`;
    code = error.exitCode;
  }
  return { code, stdout: out, stderr: err };
}

t.test('prints every route as an aligned table with handler and tables', async (t) => {
  const { code, stdout } = await run(['fastify-plugins']);
  t.equal(code, 0);
  const lines = stdout.trimEnd().split('\n');
  t.match(lines[0], /^METHOD\s+PATH\s+HANDLER\s+TABLES$/);
  t.equal(lines.length, 10, 'a header and nine routes');
  const pathColumn = lines[0]!.indexOf('PATH');
  for (const line of lines.slice(1)) t.equal(line.charAt(pathColumn - 1), ' ', 'columns are aligned');
  t.ok(
    lines.some((line) =>
      /^GET\s+\/api\/products\/:id\s+src\/handlers\/products\.ts:getProduct\s+r: prices,products$/.test(line),
    ),
    'a route with its full prefix, handler and tables read',
  );
  t.ok(
    lines.some((line) => /^PUT\s+\/api\/products\/:id\s+\S+:updateProduct\s+w: products$/.test(line)),
    'tables written',
  );
});

t.test('--json prints the extracted routes', async (t) => {
  const { code, stdout } = await run(['koa-router', '--json']);
  t.equal(code, 0);
  const routes = JSON.parse(stdout) as { method: string; path: string; framework: string; tables: unknown }[];
  t.same(
    routes.map((route) => `${route.method} ${route.path}`),
    [
      'GET /api/authors',
      'POST /api/authors/:id/publishers',
      'GET /api/books',
      'DELETE /api/books/:id',
      'GET /api/books/:id',
    ],
  );
  t.ok(routes.every((route) => route.framework === 'koa'));
});

t.test('--tsconfig picks the tsconfig to load', async (t) => {
  const { code, stdout } = await run(['express-blog', '--tsconfig', 'tsconfig.json']);
  t.equal(code, 0);
  t.match(stdout, /POST\s+\/api\/posts\/:postId\/comments/);
});

t.test('a missing directory is a usage error', async (t) => {
  const { code, stderr } = await run(['no-such-dir']);
  t.equal(code, 2);
  t.match(stderr, /^FICUS_CLI_USAGE: no-such-dir is not a directory/);
});

t.test('no directory at all is a usage error', async (t) => {
  const { code, stderr } = await run([]);
  t.equal(code, 2);
  t.match(stderr, /^FICUS_CLI_USAGE: missing <dir>/);
});

t.test('a tsconfig that does not exist fails with the analysis code', async (t) => {
  const { code, stderr } = await run(['koa-router', '--tsconfig', 'missing.json']);
  t.equal(code, 1);
  t.match(stderr, /^FICUS_CLI_FAILED: FICUS_ANALYSIS_TSCONFIG_UNREADABLE: /);
});

t.test('--help describes the command', async (t) => {
  t.match(routesCommand.help, /Usage: ficus routes <dir> \[--json\] \[--tsconfig F\]/);
  t.match(routesCommand.help, /Exit codes:/);
});
