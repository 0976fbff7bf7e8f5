// The HTTP error shape is the same in both services (each service stays free of the other's
// code); this keeps the two copies from drifting apart. The data move and the contract runner are shared for real,
// from @ficus/tools.
import t from 'tap';
import { readFileSync } from 'node:fs';

const COPIES = ['http/error-shape.ts'];

const source = (service: string, file: string): string =>
  readFileSync(new URL(`../../../${service}/src/${file}`, import.meta.url), 'utf8');

t.test('the modules both services carry are identical', async (t) => {
  for (const file of COPIES) t.equal(source('catalog', file), source('reviews', file), file);
});
