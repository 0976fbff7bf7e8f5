import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { monolithRoot } from '../src/package-root.js';

t.test('monolithRoot is the package folder, holding src/ and domains.json', async (t) => {
  t.ok(existsSync(join(monolithRoot, 'domains.json')));
  t.ok(existsSync(join(monolithRoot, 'src', 'app.ts')));
  t.ok(existsSync(join(monolithRoot, 'DOMAINS.md')));
});
