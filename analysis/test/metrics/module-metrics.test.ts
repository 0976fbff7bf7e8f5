import t from 'tap';
import { computeFileMetrics, computeFolderMetrics } from '../../src/metrics/module-metrics.js';
import { fixtureGraph } from './metrics-fixture.js';

const exportsOf = [
  { path: 'a/x.ts', exports: 2, abstractExports: 1 },
  { path: 'a/y.ts', exports: 4, abstractExports: 0 },
  { path: 'b/z.ts', exports: 1, abstractExports: 1 },
  { path: 'b/w.ts', exports: 0, abstractExports: 0 },
  { path: 'c/v.ts', exports: 1, abstractExports: 0 },
];

t.test('per file: Ca and Ce count distinct files; I, A and D follow from them', async (t) => {
  const rows = new Map(computeFileMetrics(fixtureGraph(), exportsOf).map((r) => [r.module, r]));
  // b/z.ts is used by a/y and c/v (Ca 2) and uses b/w (Ce 1): I = 1/3, A = 1, D = |1 + 1/3 − 1| = 1/3.
  const z = rows.get('b/z.ts')!;
  t.equal(z.ca, 2);
  t.equal(z.ce, 1);
  t.equal(z.instability, 1 / 3);
  t.equal(z.abstractness, 1);
  t.ok(Math.abs(z.distance - 1 / 3) < 1e-12);
  // a/x.ts: Ca 1 (b/w), Ce 1 (a/y): I = 0.5, A = 0.5, D = 0.
  t.match(rows.get('a/x.ts'), { ca: 1, ce: 1, instability: 0.5, abstractness: 0.5, distance: 0 });
  // c/v.ts only uses: I = 1, A = 0, D = 0.
  t.match(rows.get('c/v.ts'), { ca: 0, ce: 1, instability: 1, abstractness: 0, distance: 0 });
});

t.test('per folder: only dependencies crossing the folder count', async (t) => {
  const rows = new Map(computeFolderMetrics(fixtureGraph(), exportsOf).map((r) => [r.module, r]));
  // Folder a: used by b/w (Ca 1), uses b/z (Ce 1); exports 6, abstract 1.
  t.match(rows.get('a'), { ca: 1, ce: 1, instability: 0.5 });
  t.equal(rows.get('a')!.abstractness, 1 / 6);
  t.ok(Math.abs(rows.get('a')!.distance - 1 / 3) < 1e-12);
  // Folder b: used by a/y and c/v (Ca 2), uses a/x (Ce 1).
  t.match(rows.get('b'), { ca: 2, ce: 1 });
  t.same([...rows.keys()], ['a', 'b', 'c']);
});

t.test('a module with no coupling has instability 0 rather than NaN', async (t) => {
  const rows = computeFileMetrics({ files: ['lonely.ts'], edges: new Map() }, []);
  t.match(rows[0], { ca: 0, ce: 0, instability: 0, abstractness: 0, distance: 1 });
});
