import t from 'tap';
import { structuralModularity } from '../../src/metrics/structural-modularity.js';
import { interCallPercentage } from '../../src/metrics/inter-call-percentage.js';
import { interfaceNumber } from '../../src/metrics/interface-number.js';
import { nonExtremeDistribution } from '../../src/metrics/non-extreme-distribution.js';
import { businessContextPurity } from '../../src/metrics/business-context-purity.js';
import { crossServiceWriteRoutes } from '../../src/metrics/cross-service-writes.js';
import { computePartitionMetrics } from '../../src/metrics/partition-metrics.js';
import { folderPartition } from '../../src/metrics/partition.js';
import type { TableAccess } from '../../src/extract/extracted-project.js';
import { fixtureGraph } from './metrics-fixture.js';

// Services A = {a/x, a/y}, B = {b/z, b/w}, C = {c/v}: the folder partition of the fixture.
const graph = fixtureGraph();
const partition = folderPartition(graph.files);
const routes = [
  {
    reach: ['c/v.ts', 'b/z.ts', 'b/w.ts', 'a/x.ts', 'a/y.ts'],
    tables: { read: [], write: ['orders', 'stock'] },
  },
  { reach: ['a/x.ts', 'a/y.ts'], tables: { read: [], write: ['orders'] } },
];
const tables: TableAccess[] = [
  { file: 'a/x.ts', table: 'orders', mode: 'write', via: 'sql' },
  { file: 'a/y.ts', table: 'orders', mode: 'write', via: 'sql' },
  { file: 'b/z.ts', table: 'orders', mode: 'write', via: 'sql' },
  { file: 'b/w.ts', table: 'stock', mode: 'write', via: 'sql' },
  { file: 'c/v.ts', table: 'audit', mode: 'write', via: 'sql' },
];

t.test('SM is mean cohesion minus mean pairwise coupling', async (t) => {
  // Cohesion: (1/2² + 1/2² + 0/1²)/3 = 1/6. Coupling: A–B 2/(2·2·2) + B–C 1/(2·2·1) + A–C 0 = 1/2 over 3 pairs = 1/6.
  t.ok(Math.abs(structuralModularity(graph, partition)) < 1e-12);
  // Merging B and C: cohesion (1/4 + 2/9)/2, coupling 2/(2·2·3) over 1 pair.
  const merged = new Map(partition);
  merged.set('c/v.ts', 'b');
  t.ok(Math.abs(structuralModularity(graph, merged) - ((1 / 4 + 2 / 9) / 2 - 1 / 6)) < 1e-12);
  // One service: the cohesion term alone, 5 edges over 25.
  const one = new Map(graph.files.map((f) => [f, 'all']));
  t.equal(structuralModularity(graph, one), 5 / 25);
});

t.test('ICP is the crossing share of dependency weight', async (t) => {
  // Weights: x→y 3, y→z 1, z→w 1, w→x 1, v→z 2 = 8; crossing: y→z, w→x, v→z = 4.
  t.equal(interCallPercentage(graph, partition), 0.5);
});

t.test('IFN counts files called from another service, per service and on average', async (t) => {
  const ifn = interfaceNumber(graph, partition);
  t.same(ifn.perService, { a: 1, b: 1, c: 0 });
  t.equal(ifn.mean, 2 / 3);
});

t.test('NED is the share of files in services of non-extreme size', async (t) => {
  t.equal(nonExtremeDistribution(partition), 0);
  t.equal(nonExtremeDistribution(partition, 2, 20), 4 / 5);
});

t.test('BCP is the mean number of services a route reaches', async (t) => {
  t.equal(businessContextPurity(routes, partition), 2);
  t.equal(businessContextPurity([], partition), null);
});

t.test('a route writing tables owned by two services counts as a cross-service write', async (t) => {
  // orders: 2 writers in a, 1 in b → a; stock → b. Route 1 writes both, route 2 only orders.
  t.equal(crossServiceWriteRoutes(routes, tables, partition), 1);
});

t.test('computePartitionMetrics gathers every metric of a partition', async (t) => {
  const metrics = computePartitionMetrics({ graph, routes, tables }, partition);
  t.match(metrics, { services: 3, icp: 0.5, ifn: 2 / 3, ned: 0, bcp: 2, crossServiceWriteRoutes: 1 });
});
