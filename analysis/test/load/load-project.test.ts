// Loading a project: the tsconfig's files minus tests, a folder walk without one, broken files skipped, clear errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { AnalysisError } from '../../src/errors.js';
import { loadProject } from '../../src/load/load-project.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

t.test(
  'loads the tsconfig files, without tests and declarations, and reports an unparsable file',
  async (t) => {
    const project = loadProject(join(FIXTURES, 'module-graph'));
    t.equal(project.tsconfig, join(FIXTURES, 'module-graph', 'tsconfig.json'));
    const paths = project.files.map((file) => file.path);
    t.ok(paths.includes('src/main.ts'));
    t.notOk(paths.includes('src/main.test.ts'), 'test files are not analysed');
    t.notOk(paths.includes('src/globals.d.ts'), 'declaration files are not analysed');
    t.notOk(paths.includes('src/broken.ts'), 'the unparsable file is not analysed');
    t.same(project.skipped, [{ path: 'src/broken.ts', reason: "syntax error at line 2: ':' expected." }]);
    t.same(paths, [...paths].sort(), 'files are sorted');
  },
);

t.test('walks the folder when there is no tsconfig', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ficus-load-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'index.js'), "const util = require('./util');\nmodule.exports = util;\n");
  writeFileSync(join(root, 'util.js'), 'module.exports = {};\n');
  writeFileSync(join(root, 'util.test.js'), '');
  const project = loadProject(root);
  t.equal(project.tsconfig, undefined);
  t.same(
    project.files.map((file) => file.path),
    ['index.js', 'util.js'],
  );
});

t.test('a folder without sources is FICUS_ANALYSIS_NO_SOURCES', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ficus-load-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'notes.md'), '# nothing here');
  t.throws(() => loadProject(root), { code: 'FICUS_ANALYSIS_NO_SOURCES' });
  t.throws(() => loadProject(join(root, 'missing')), { code: 'FICUS_ANALYSIS_NO_SOURCES' });
});

t.test('a missing or broken tsconfig is FICUS_ANALYSIS_TSCONFIG_UNREADABLE', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ficus-load-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'a.ts'), 'export const a = 1;\n');
  t.throws(() => loadProject(root, { tsconfig: 'nope.json' }), {
    code: 'FICUS_ANALYSIS_TSCONFIG_UNREADABLE',
  });
  writeFileSync(join(root, 'tsconfig.json'), '{ "extends": "./missing-base.json" }');
  const error = t.throws(() => loadProject(root));
  t.ok(error instanceof AnalysisError);
  t.match(error, { code: 'FICUS_ANALYSIS_TSCONFIG_UNREADABLE' });
});

t.test('reports progress for the load stage', async (t) => {
  const events: string[] = [];
  loadProject(join(FIXTURES, 'koa-router'), {
    onProgress: (e) => events.push(`${e.stage} ${e.done}/${e.total}`),
  });
  t.same(events, ['load 5/5']);
});
