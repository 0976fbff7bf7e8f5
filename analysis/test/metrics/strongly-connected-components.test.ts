import t from 'tap';
import { findCycles } from '../../src/metrics/strongly-connected-components.js';

const graphOf = (edges: Record<string, string[]>) => (node: string) => edges[node] ?? [];

t.test('finds each cycle once, as a sorted component, ignoring acyclic parts', async (t) => {
  const edges = { a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: ['a'] };
  t.same(findCycles(['a', 'b', 'c', 'd', 'e', 'f'], graphOf(edges)), [
    ['a', 'b', 'c'],
    ['d', 'e'],
  ]);
});

t.test('a self-import is a cycle of one; a lone file is not', async (t) => {
  t.same(findCycles(['a', 'b'], graphOf({ a: ['a'] })), [['a']]);
});

t.test('survives a chain far deeper than the call stack', async (t) => {
  const n = 200_000;
  const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
  const next = (node: string): string[] => {
    const i = Number(node.slice(1));
    return [`n${(i + 1) % n}`];
  };
  const cycles = findCycles(nodes, next);
  t.equal(cycles.length, 1);
  t.equal(cycles[0]!.length, n);
});
