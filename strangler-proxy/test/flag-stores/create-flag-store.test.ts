import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createFlagStore } from '../../src/flag-stores/create-flag-store.js';
import { FileFlagStore } from '../../src/flag-stores/file-flag-store.js';
import { MemoryFlagStore } from '../../src/flag-stores/memory-flag-store.js';

t.test('the memory kind builds a memory store with the given clock', async (t) => {
  const store = createFlagStore({ kind: 'memory' }, { clock: () => Date.parse('2026-02-02T02:02:02.000Z') });
  t.teardown(() => store.close());
  t.type(store, MemoryFlagStore);
  const result = await store.set('r', { stage: 'service', reason: 'x' }, 0, 'x');
  t.match(result, { ok: true, flag: { updatedAt: '2026-02-02T02:02:02.000Z' } });
});

t.test('the file kind resolves a relative path against baseDir', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'ficus-create-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const store = createFlagStore(
    { kind: 'file', path: 'state/flags.json' },
    { baseDir: dir, pollIntervalMs: 0 },
  );
  t.teardown(() => store.close());
  t.type(store, FileFlagStore);
  t.equal((store as FileFlagStore).path, join(dir, 'state', 'flags.json'));
});

t.test('the redis kind is refused clearly until it is built', async (t) => {
  t.throws(() => createFlagStore({ kind: 'redis', url: 'redis://127.0.0.1:6379' }), {
    code: 'FICUS_PROXY_FLAG_STORE_UNSUPPORTED',
    message: /not built yet/,
  });
});
