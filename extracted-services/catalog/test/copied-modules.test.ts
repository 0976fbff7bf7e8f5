// The HTTP error shape is the same in both services (each service stays free of the other's
// code); this keeps the two copies from drifting apart, and from the monolith's handler they copy. The data move and
// the contract runner are shared for real, from @ficus/tools.
import t from 'tap';
import { readFileSync } from 'node:fs';

const COPIES = ['http/error-shape.ts'];

const source = (service: string, file: string): string =>
  readFileSync(new URL(`../../../${service}/src/${file}`, import.meta.url), 'utf8');

t.test('the modules both services carry are identical', async (t) => {
  for (const file of COPIES) t.equal(source('catalog', file), source('reviews', file), file);
});

/** The text from `start` up to and including the first `end` after it. */
function slice(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  return from === -1 || to === -1 ? '' : text.slice(from, to + end.length);
}

t.test('the error shape matches the monolith handler it copies', async (t) => {
  const monolith = readFileSync(new URL('../../../../monolith/src/app.ts', import.meta.url), 'utf8');
  const copy = source('catalog', 'http/error-shape.ts');
  for (const [start, end] of [
    ['const CODES', '};'],
    ['const err = error as', "'Something went wrong.' } });"],
    ['app.setNotFoundHandler(', ');\n'],
  ] as const) {
    const expected = slice(monolith, start, end);
    t.not(expected, '', `monolith/src/app.ts has ${start}`);
    t.equal(slice(copy, start, end), expected, start);
  }
});
