import t from 'tap';
import { buildDependencyGraph } from '../../src/metrics/dependency-graph.js';
import { mojoFm } from '../../src/metrics/mojo.js';
import { findCycles } from '../../src/metrics/strongly-connected-components.js';
import { proposeSeams } from '../../src/seams/propose-seams.js';
import { shopGroundTruth, shopProject } from './shop-project.js';

function propose(options: Parameters<typeof proposeSeams>[3] = {}) {
  const project = shopProject();
  const graph = buildDependencyGraph(project);
  const cycles = findCycles(graph.files, (f) => graph.edges.get(f)?.keys() ?? []);
  return proposeSeams(project, graph, cycles, options);
}

t.test('groups each domain across the layers and puts lib/ into one shared seam', async (t) => {
  const { seams, partition } = propose();
  const byName = new Map(seams.map((s) => [s.name, s]));
  t.same([...byName.keys()].sort(), ['account', 'order', 'product', 'review', 'shared-infrastructure']);
  t.same(byName.get('order')!.files, [
    'src/controllers/order-controller.ts',
    'src/models/order.ts',
    'src/repositories/order-repository.ts',
    'src/services/order-service.ts',
  ]);
  const shared = byName.get('shared-infrastructure')!;
  t.ok(shared.shared);
  t.same(shared.files, [
    'src/app.ts',
    'src/config.ts',
    'src/lib/db.ts',
    'src/lib/errors.ts',
    'src/lib/logger.ts',
  ]);
  t.equal(mojoFm(partition, shopGroundTruth()), 100);
});

t.test('every file lands in exactly one seam', async (t) => {
  const { seams } = propose();
  const all = seams.flatMap((s) => s.files);
  t.equal(all.length, new Set(all).size);
  t.equal(all.length, shopProject().files.length);
});

t.test(
  'a candidate carries its routes, owned tables, cuts and a rationale with the same numbers',
  async (t) => {
    const { seams } = propose();
    const order = seams.find((s) => s.name === 'order')!;
    t.same(order.routes, ['GET /api/orders/:id', 'POST /api/orders']);
    t.same(order.tables, ['order_items', 'orders']);
    // order-service → product-service and → account-repository become remote; nothing calls into orders.
    t.same(order.cuts, { incoming: 0, outgoing: 2 });
    t.match(order.rationale, /Takes over 2 routes and would own 2 tables \(order_items, orders\)/);
    t.match(order.rationale, /0 dependencies from other seams into remote calls in and 2 out/);
    const product = seams.find((s) => s.name === 'product')!;
    t.same(product.cuts, { incoming: 2, outgoing: 0 });
    t.same(product.sharedTables, ['products']);
  },
);

t.test('candidates are ranked by score, the shared seam last', async (t) => {
  const { seams } = propose();
  t.ok(seams[seams.length - 1]!.shared);
  const scores = seams.filter((s) => !s.shared).map((s) => s.score);
  t.same(
    scores,
    [...scores].sort((a, b) => b - a),
  );
  // account has no outgoing cut and owns its table alone; product is called from two other seams.
  t.ok(seams.find((s) => s.name === 'account')!.score > seams.find((s) => s.name === 'product')!.score);
});

t.test('--services K merges down to exactly K candidates', async (t) => {
  for (const k of [1, 2, 3]) {
    const { seams } = propose({ services: k });
    t.equal(seams.filter((s) => !s.shared).length, k, `K = ${k}`);
  }
});

t.test('the same seed gives the same seams', async (t) => {
  t.same(propose({ seed: 7 }).seams, propose({ seed: 7 }).seams);
});
