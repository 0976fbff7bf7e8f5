import t from 'tap';
import { randomPartition } from '../../src/eval/random-partition.js';

const files = Array.from({ length: 60 }, (_, i) => `src/f${i}.ts`);

t.test('has exactly K non-empty services and every file', async (t) => {
  const partition = randomPartition(files, 7, 1);
  t.equal(partition.size, 60);
  t.equal(new Set(partition.values()).size, 7);
});

t.test('is the same for the same seed and differs for another', async (t) => {
  t.same([...randomPartition(files, 5, 42)], [...randomPartition(files, 5, 42)]);
  t.notSame([...randomPartition(files, 5, 42)], [...randomPartition(files, 5, 43)]);
});

t.test('does not depend on the order the files are given in', async (t) => {
  t.same(new Map(randomPartition([...files].reverse(), 5, 9)), new Map(randomPartition(files, 5, 9)));
});

t.test('K larger than the file count gives one file per service', async (t) => {
  t.equal(new Set(randomPartition(['a', 'b'], 5, 1).values()).size, 2);
});
