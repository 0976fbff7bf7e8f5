import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { analyzeCommand } from '../../src/commands/analyze.js';
import { CliError } from '../../src/errors.js';

const blog = fileURLToPath(new URL('../../../../analysis/test/fixtures/express-blog', import.meta.url));

async function run(
  argv: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  // The shell's own contract (`CODE: message`, exit code from the error) is tested in cli.test.ts; this mirrors it.
  let code: number;
  try {
    code = await analyzeCommand.run(argv.slice(1), { stdout, stderr, env: {}, cwd });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    stderr.write(`${error.code}: ${error.message}\n`);
    code = error.exitCode;
  }
  return { code, stdout: out, stderr: err };
}

t.test('analyses a folder, prints Markdown, shows progress on stderr and exits 0', async (t) => {
  const result = await run(['analyze', blog]);
  t.equal(result.code, 0);
  t.match(result.stdout, /^# Seam analysis of /);
  t.match(result.stdout, /## Candidates, cheapest to extract first/);
  t.match(result.stderr, /ficus analyze: loading /);
  t.match(result.stderr, /ficus analyze: \d+ files, \d+ routes, \d+ candidates in [\d.]+ s/);
});

t.test(
  'writes JSON to --out, and --from re-renders it in every format without analysing again',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'ficus-analyze-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const written = await run(['analyze', blog, '--out', 'result.json'], dir);
    t.equal(written.code, 0);
    const saved = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    t.equal(saved.schemaVersion, 1);
    const md = await run(['analyze', '--from', 'result.json', '--format', 'md'], dir);
    t.equal(md.code, 0);
    t.notMatch(md.stderr, /loading/, 'nothing is analysed');
    t.match(md.stdout, /^# Seam analysis of /);
    for (const [format, start] of [
      ['html', /^<!doctype html>/],
      ['dot', /^digraph seams \{/],
      ['mermaid', /^flowchart LR/],
      ['json', /^\{\n {2}"schemaVersion": 1/],
    ] as const) {
      const rendered = await run(['analyze', '--from', 'result.json', '--format', format], dir);
      t.match(rendered.stdout, start, format);
    }
  },
);

t.test('emits proxy routes and dependency-cruiser rules for a chosen seam', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-analyze-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await run(['analyze', blog, '--format', 'json', '--out', 'result.json'], dir);
  const saved = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
  const seam = saved.seams.find(
    (s: { shared: boolean; routes: string[] }) => !s.shared && s.routes.length > 0,
  );
  const routes = await run(
    ['analyze', '--from', 'result.json', '--seam', seam.id, '--emit', 'proxy-routes'],
    dir,
  );
  t.equal(routes.code, 0);
  t.match(routes.stdout, /^routes:\n {2}- id: "/m);
  t.equal((routes.stdout.match(/^ {2}- id: /gm) ?? []).length, seam.routes.length);
  const rules = await run(
    ['analyze', '--from', 'result.json', '--seam', seam.id, '--emit', 'depcruise-rules'],
    dir,
  );
  t.equal(rules.code, 0);
  t.match(rules.stdout, /module\.exports = \{ forbidden: \[/);
});

t.test('usage errors exit 2 with FICUS_CLI_USAGE; an unknown seam too', async (t) => {
  for (const argv of [
    ['analyze'],
    ['analyze', blog, '--format', 'pdf'],
    ['analyze', blog, '--services', '0'],
    ['analyze', blog, '--resolution', 'high'],
    ['analyze', blog, '--seam', 'x'],
    ['analyze', blog, '--bogus'],
  ]) {
    const result = await run(argv);
    t.equal(result.code, 2, argv.join(' '));
    t.match(result.stderr, /^FICUS_CLI_USAGE: /, argv.join(' '));
  }
  const dir = mkdtempSync(join(tmpdir(), 'ficus-analyze-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await run(['analyze', blog, '--out', 'result.json'], dir);
  const unknown = await run(
    ['analyze', '--from', 'result.json', '--seam', 'nope', '--emit', 'proxy-routes'],
    dir,
  );
  t.equal(unknown.code, 2);
  t.match(unknown.stderr, /FICUS_ANALYSIS_UNKNOWN_SEAM: no seam "nope"/);
});

t.test(
  'a broken saved result or a folder without sources fails with exit 1 and the analysis code',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'ficus-analyze-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ schemaVersion: 0 }));
    const old = await run(['analyze', '--from', 'old.json'], dir);
    t.equal(old.code, 1);
    t.match(old.stderr, /^FICUS_CLI_FAILED: FICUS_ANALYSIS_RESULT_INVALID: /);
    const empty = await run(['analyze', dir]);
    t.equal(empty.code, 1);
    t.match(empty.stderr, /FICUS_ANALYSIS_NO_SOURCES/);
  },
);

t.test('--help documents every option', async (t) => {
  for (const option of [
    '--format',
    '--out',
    '--services',
    '--resolution',
    '--git',
    '--seam',
    '--emit',
    '--from',
  ]) {
    t.match(analyzeCommand.help, option);
  }
});
