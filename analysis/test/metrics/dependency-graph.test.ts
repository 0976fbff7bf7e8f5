import t from 'tap';
import { buildDependencyGraph } from '../../src/metrics/dependency-graph.js';
import { fixtureGraph } from './metrics-fixture.js';

t.test('an edge weighs as many symbol references as it carries, and a bare import weighs 1', async (t) => {
  const graph = fixtureGraph();
  t.equal(graph.edges.get('a/x.ts')?.get('a/y.ts'), 3);
  t.equal(graph.edges.get('a/y.ts')?.get('b/z.ts'), 1);
  t.same(graph.files, ['a/x.ts', 'a/y.ts', 'b/w.ts', 'b/z.ts', 'c/v.ts']);
});

t.test('self-imports and edges to files outside the analysed set are dropped', async (t) => {
  const graph = buildDependencyGraph({
    files: [{ path: 'a.ts' }],
    imports: [
      { from: 'a.ts', to: 'a.ts', kind: 'static' },
      { from: 'a.ts', to: 'node_modules/x.ts', kind: 'static' },
    ],
    symbols: [],
  });
  t.equal(graph.edges.size, 0);
});
