// The file graph of the module-graph fixture: every edge kind, path aliases, `.js` → `.ts`, barrels, symbol counts.
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { extractProject } from '../../src/extract/extract-project.js';

const ROOT = fileURLToPath(new URL('../../../test/fixtures/module-graph/', import.meta.url));

t.test('import edges carry their kind, and type-only edges are kept apart', async (t) => {
  const project = await extractProject(ROOT);
  t.same(
    project.imports.map((edge) => `${edge.from} -> ${edge.to} ${edge.kind}`),
    [
      'src/barrel/index.ts -> src/barrel/a.ts re-export',
      'src/barrel/index.ts -> src/barrel/b.ts re-export',
      'src/geometry.ts -> src/types.ts type-only',
      'src/main.ts -> src/barrel/index.ts re-export',
      'src/main.ts -> src/barrel/index.ts static',
      'src/main.ts -> src/geometry.ts static',
      'src/main.ts -> src/lazy.ts dynamic',
      'src/main.ts -> src/legacy.ts require',
      'src/main.ts -> src/lib/helper.ts static',
      'src/main.ts -> src/only-types.ts type-only',
      'src/main.ts -> src/paint.ts static',
      'src/main.ts -> src/side-effect.ts static',
      'src/main.ts -> src/types.ts type-only',
    ],
  );
});

t.test(
  'symbol references go through barrels to the declaring file, with counts and type-position counts',
  async (t) => {
    const project = await extractProject(ROOT);
    const from = (file: string): string[] =>
      project.symbols
        .filter((s) => s.from === file)
        .map((s) => `${s.to} ${s.symbols.join(',')} x${s.count} types ${s.typeCount}`);
    t.same(from('src/main.ts'), [
      'src/barrel/a.ts a x1 types 0',
      'src/barrel/b.ts b x1 types 0',
      'src/geometry.ts area x2 types 0',
      'src/lazy.ts load x1 types 0',
      'src/legacy.ts * x1 types 0',
      'src/lib/helper.ts helper x1 types 0',
      'src/only-types.ts OnlyType x1 types 1',
      'src/paint.ts Color,paint x2 types 1',
      'src/types.ts Shape x1 types 1',
    ]);
  },
);

t.test('files carry lines of code and exported declarations, abstract ones counted apart', async (t) => {
  const project = await extractProject(ROOT);
  const file = (path: string) => project.files.find((f) => f.path === path);
  t.same(file('src/paint.ts'), { path: 'src/paint.ts', loc: 4, exports: 2, abstractExports: 1 });
  t.same(file('src/types.ts'), { path: 'src/types.ts', loc: 4, exports: 1, abstractExports: 1 });
  t.same(
    project.skipped.map((s) => s.path),
    ['src/broken.ts'],
  );
});
