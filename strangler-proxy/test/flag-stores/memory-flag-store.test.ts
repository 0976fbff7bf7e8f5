import t from 'tap';
import { MemoryFlagStore } from '../../src/flag-stores/memory-flag-store.js';
import { runFlagStoreContract } from './flag-store-contract.js';

t.test('the memory store passes the flag store contract', async (t) => {
  runFlagStoreContract(t, async (_t, clock) => ({ store: new MemoryFlagStore({ clock }) }));
});

t.test('the memory store keeps only the newest audit entries past its cap', async (t) => {
  const store = new MemoryFlagStore({ maxAuditEntries: 3 });
  for (let v = 0; v < 5; v++)
    await store.set('r', { stage: 'canary', percent: v, reason: `step ${v}` }, v, 'x');
  t.same(
    (await store.audit()).map((e) => e.reason),
    ['step 4', 'step 3', 'step 2'],
  );
});

t.test('the memory store starts from the flags it is given', async (t) => {
  const initial = {
    routeId: 'r',
    stage: 'service',
    percent: 0,
    shadowPercent: 0,
    stickyBy: 'ip',
    version: 7,
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'seed',
    reason: 'seed',
  } as const;
  const store = new MemoryFlagStore({ initial: [initial] });
  t.equal((await store.get('r'))?.version, 7);
  t.match(await store.set('r', { stage: 'monolith', reason: 'back' }, 7, 'x'), {
    ok: true,
    flag: { version: 8 },
  });
});
