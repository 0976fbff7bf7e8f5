// Parsed files are reused while their content is unchanged, and re-parsed as soon as it changes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { extractProject } from '../../src/extract/extract-project.js';
import { parseCached } from '../../src/load/parse-cache.js';

t.test('the same path and text give the same parsed file; new text a new one', async (t) => {
  const first = parseCached('/virtual/a.ts', 'export const a = 1;\n');
  t.equal(parseCached('/virtual/a.ts', 'export const a = 1;\n'), first);
  const changed = parseCached('/virtual/a.ts', 'export const a = 2;\n');
  t.not(changed, first);
  t.equal(changed.text, 'export const a = 2;\n');
});

t.test('a second extraction in the same process sees edited files', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ficus-cache-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const app = join(root, 'app.ts');
  writeFileSync(
    app,
    "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/a', async () => 1);\n",
  );
  t.same(
    (await extractProject(root)).routes.map((r) => r.path),
    ['/a'],
  );
  writeFileSync(
    app,
    "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/b', async () => 1);\n",
  );
  t.same(
    (await extractProject(root)).routes.map((r) => r.path),
    ['/b'],
  );
});
