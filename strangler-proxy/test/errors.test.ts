// Keeps this package's error codes and docs/errors.md in step, both ways.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { PROXY_ERRORS } from '../src/errors.js';

const docs = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const documented = new Set([...docs.matchAll(/`(FICUS_PROXY_[A-Z0-9_]+)`/g)].map((m) => m[1] ?? ''));

t.test('every code in errors.ts is documented in docs/errors.md', async (t) => {
  for (const code of Object.keys(PROXY_ERRORS)) t.ok(documented.has(code), `${code} is documented`);
});

t.test('every FICUS_PROXY_* code in docs/errors.md exists in errors.ts', async (t) => {
  t.ok(documented.size > 0, 'docs/errors.md lists FICUS_PROXY_* codes');
  for (const code of documented) t.ok(code in PROXY_ERRORS, `${code} exists in errors.ts`);
});
