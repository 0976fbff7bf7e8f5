import t from 'tap';
import { louvain } from '../../src/seams/louvain.js';
import { seededRandom } from '../../src/seams/seeded-random.js';

// Two 4-cliques joined by one light edge.
function twoCliques(): Map<number, number>[] {
  const rows = Array.from({ length: 8 }, () => new Map<number, number>());
  const link = (a: number, b: number, w: number): void => {
    rows[a]!.set(b, w);
    rows[b]!.set(a, w);
  };
  for (const base of [0, 4]) {
    for (let i = 0; i < 4; i += 1) for (let j = i + 1; j < 4; j += 1) link(base + i, base + j, 1);
  }
  link(3, 4, 0.1);
  return rows;
}

t.test('separates two cliques joined by a light edge', async (t) => {
  t.same(louvain(twoCliques(), 1, seededRandom(1)), [0, 0, 0, 0, 1, 1, 1, 1]);
});

t.test('gives the same communities for the same seed, whatever the seed', async (t) => {
  for (const seed of [1, 2, 3, 42]) {
    t.same(louvain(twoCliques(), 1, seededRandom(seed)), louvain(twoCliques(), 1, seededRandom(seed)));
    t.same(louvain(twoCliques(), 1, seededRandom(seed)), [0, 0, 0, 0, 1, 1, 1, 1], `seed ${seed}`);
  }
});

t.test('a low resolution merges the cliques, a high one splits them further', async (t) => {
  t.equal(new Set(louvain(twoCliques(), 0.01, seededRandom(1))).size, 1);
  t.ok(new Set(louvain(twoCliques(), 4, seededRandom(1))).size > 2);
});

t.test('nodes without edges stay alone', async (t) => {
  const rows = [new Map<number, number>(), new Map<number, number>()];
  t.same(louvain(rows, 1, seededRandom(1)), [0, 1]);
});
