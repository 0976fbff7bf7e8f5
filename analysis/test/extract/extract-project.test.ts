// The whole extract stage on real projects: every route the sample monolith serves, fast; honest fixture ground truths.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { extractProject } from '../../src/extract/extract-project.js';

const MONOLITH = fileURLToPath(new URL('../../../../monolith/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

interface MonolithApi {
  listRoutes(): { method: string; url: string }[];
}

// The monolith is another workspace: it is loaded by name at run time (it is built before the analysis by `tsc -b`),
// so the analysis package does not depend on it.
async function monolithRoutes(): Promise<string[]> {
  const name = '@ficus/monolith';
  const monolith = (await import(name)) as MonolithApi;
  const normalise = (url: string): string => (url.length > 1 && url.endsWith('/') ? url.slice(0, -1) : url);
  return [...new Set(monolith.listRoutes().map((route) => `${route.method} ${normalise(route.url)}`))].sort();
}

t.test('finds every route the monolith serves, with the same method and path, and no others', async (t) => {
  const expected = await monolithRoutes();
  t.ok(expected.length > 0, 'the monolith serves routes');
  // The time is reported, not asserted: tests never depend on the machine's speed.
  const started = process.hrtime.bigint();
  const project = await extractProject(MONOLITH);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  t.comment(
    `extracted ${project.files.length} files and ${project.routes.length} routes in ${seconds.toFixed(2)} s`,
  );
  const found = project.routes.map((route) => `${route.method} ${route.path}`).sort();
  t.same(found, expected);
  for (const route of project.routes) {
    t.equal(route.framework, 'fastify', `${route.method} ${route.path} is a fastify route`);
    t.ok(
      route.reach.includes(route.handler.file),
      `${route.method} ${route.path} reaches its own handler file`,
    );
  }
});

t.test('extracts the monolith without skipping a file, tables included', async (t) => {
  const project = await extractProject(MONOLITH);
  t.same(project.skipped, []);
  t.same(project.warnings, []);
  t.ok(project.tables.length > 0, 'finds the SQL of the repositories');
});

t.test(
  'every analysed file of the evaluation fixtures has exactly one domain in its ground truth',
  async (t) => {
    for (const fixture of ['nestjs-shop', 'express-blog']) {
      const truth = JSON.parse(readFileSync(`${FIXTURES}${fixture}/domains.json`, 'utf8')) as {
        schemaVersion: number;
        domains: string[];
        files: Record<string, string>;
      };
      const project = await extractProject(`${FIXTURES}${fixture}`);
      t.equal(truth.schemaVersion, 1);
      t.same(
        Object.keys(truth.files).sort(),
        project.files.map((file) => file.path).sort(),
        `${fixture}: same files`,
      );
      t.ok(
        Object.values(truth.files).every((domain) => truth.domains.includes(domain)),
        `${fixture}: known domains`,
      );
      t.ok(
        project.files.length >= 25 && project.files.length <= 40,
        `${fixture}: ${project.files.length} files`,
      );
    }
  },
);

t.test('reports progress through load, extract and routes', async (t) => {
  const stages = new Set<string>();
  await extractProject(`${FIXTURES}koa-router`, { onProgress: (event) => stages.add(event.stage) });
  t.same([...stages], ['load', 'extract', 'routes']);
});

t.test('a file the walkers cannot handle is skipped with its reason, the rest is analysed', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ficus-deep-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  // Generated code can nest deeper than a recursive walk can follow.
  writeFileSync(join(root, 'generated.ts'), `export const x = ${Array(60_000).fill('1').join(' + ')};\n`);
  writeFileSync(join(root, 'app.ts'), "import { x } from './generated';\nexport const y = x;\n");
  const project = await extractProject(root);
  t.same(
    project.files.map((file) => file.path),
    ['app.ts'],
  );
  t.match(project.skipped, [{ path: 'generated.ts', reason: /^extraction failed: / }]);
});
