// Which files the analysis reads: sources yes; tests, declarations, build output and dependencies no.
import t from 'tap';
import { isAnalysedSource } from '../../src/load/select-source-files.js';

const cases: [string, boolean][] = [
  ['src/app.ts', true],
  ['src/views/page.tsx', true],
  ['lib/legacy.js', true],
  ['lib/legacy.cjs', true],
  ['src/worker.mts', true],
  ['src/app.test.ts', false],
  ['src/app.spec.js', false],
  ['test/helpers.ts', false],
  ['src/__tests__/x.ts', false],
  ['src/types.d.ts', false],
  ['src/types.d.mts', false],
  ['dist/app.js', false],
  ['node_modules/x/index.js', false],
  ['src/data.json', false],
  ['README.md', false],
];

t.test('selects analysed sources by path', async (t) => {
  for (const [path, expected] of cases) t.equal(isAnalysedSource(path), expected, path);
});
