import t from 'tap';
import { buildSeamGraph, type SeamEvidence } from '../../src/seams/build-seam-graph.js';
import { SEAM_WEIGHTS } from '../../src/seams/seam-weights.js';
import { weightBetween } from '../../src/seams/weighted-graph.js';

const none: SeamEvidence = { files: [], imports: [], symbols: [], tables: [], routes: [] };
const files = (...paths: string[]): SeamEvidence['files'] =>
  paths.map((path) => ({ path, loc: 1, exports: 1, abstractExports: 0 }));

t.test(
  'a value import weighs 1, a type-only import 0.4, symbol references add log2(1 + n) / 4',
  async (t) => {
    const graph = buildSeamGraph({
      ...none,
      files: files('a.ts', 'b.ts', 'c.ts'),
      imports: [
        { from: 'a.ts', to: 'b.ts', kind: 'static' },
        { from: 'a.ts', to: 'c.ts', kind: 'type-only' },
      ],
      symbols: [{ from: 'a.ts', to: 'b.ts', symbols: ['f'], count: 3 }],
    });
    t.equal(weightBetween(graph, 'a.ts', 'b.ts'), 1 + 0.25 * 2);
    t.equal(weightBetween(graph, 'b.ts', 'a.ts'), 1 + 0.25 * 2, 'undirected');
    t.equal(weightBetween(graph, 'a.ts', 'c.ts'), 0.4);
  },
);

t.test('an import from a file wiring many others is damped in proportion', async (t) => {
  const targets = Array.from({ length: 12 }, (_, i) => `c${i}.ts`);
  const graph = buildSeamGraph({
    ...none,
    files: files('app.ts', ...targets),
    imports: targets.map((to) => ({ from: 'app.ts', to, kind: 'static' as const })),
  });
  t.equal(weightBetween(graph, 'app.ts', 'c0.ts'), 6 / 12);
});

t.test("files writing one table are tied, spread over the table's other files", async (t) => {
  const graph = buildSeamGraph({
    ...none,
    files: files('a.ts', 'b.ts', 'c.ts'),
    tables: [
      { file: 'a.ts', table: 'orders', mode: 'write', via: 'sql' },
      { file: 'b.ts', table: 'orders', mode: 'write', via: 'sql' },
      { file: 'c.ts', table: 'orders', mode: 'read', via: 'sql' },
    ],
  });
  t.equal(weightBetween(graph, 'a.ts', 'b.ts'), SEAM_WEIGHTS.tableWriteWrite / 2);
  t.equal(weightBetween(graph, 'a.ts', 'c.ts'), SEAM_WEIGHTS.tableWriteRead / 2);
});

t.test(
  'a handler is tied to what its routes reach, split among the handlers reaching the same file',
  async (t) => {
    const route = (handler: string, reach: string[]) => ({
      method: 'GET',
      path: '/x',
      framework: 'express' as const,
      handler: { file: handler, symbol: 'h' },
      reach,
      tables: { read: [], write: [] },
    });
    const graph = buildSeamGraph({
      ...none,
      files: files('h1.ts', 'h2.ts', 'mine.ts', 'both.ts'),
      routes: [route('h1.ts', ['h1.ts', 'mine.ts', 'both.ts']), route('h2.ts', ['h2.ts', 'both.ts'])],
    });
    t.equal(weightBetween(graph, 'h1.ts', 'mine.ts'), SEAM_WEIGHTS.routeReach);
    t.equal(weightBetween(graph, 'h1.ts', 'both.ts'), SEAM_WEIGHTS.routeReach / 2);
  },
);

t.test(
  'files sharing a domain word in their names are tied; excluded files and big commits are not',
  async (t) => {
    const graph = buildSeamGraph(
      {
        ...none,
        files: files(
          'src/controllers/order-controller.ts',
          'src/services/order-service.ts',
          'src/lib/db.ts',
          'src/lib/log.ts',
          'src/models/x.ts',
        ),
      },
      {
        exclude: new Set(['src/lib/log.ts']),
        commits: [['src/lib/db.ts', 'src/models/x.ts', 'src/lib/log.ts']],
      },
    );
    t.equal(
      weightBetween(graph, 'src/controllers/order-controller.ts', 'src/services/order-service.ts'),
      SEAM_WEIGHTS.nameToken,
    );
    t.equal(weightBetween(graph, 'src/lib/db.ts', 'src/models/x.ts'), SEAM_WEIGHTS.coChange);
    t.notOk(graph.has('src/lib/log.ts'));
  },
);
