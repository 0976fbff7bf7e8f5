// The behaviour every FlagStore must show; each implementation's test file runs this suite against itself.
import type { Test } from 'tap';
import type { FlagSnapshot, FlagStore } from '../../src/flag-stores/flag-store.js';
import type { FlagChange } from '../../src/flags/route-flag.js';

export interface ContractSubject {
  readonly store: FlagStore;
}

/** Builds a fresh, empty store whose clock is `clock`; the suite closes it. */
export type StoreFactory = (t: Test, clock: () => number) => Promise<ContractSubject>;

export const START = Date.parse('2026-01-01T00:00:00.000Z');

/** A clock that moves one second per reading, so every write and audit entry has its own time. */
export function steppingClock(): () => number {
  let now = START;
  return () => (now += 1000);
}

const canary = (percent: number, reason = 'ramp'): FlagChange => ({ stage: 'canary', percent, reason });

export function runFlagStoreContract(t: Test, factory: StoreFactory): void {
  const open = async (tt: Test): Promise<FlagStore> => {
    const { store } = await factory(tt, steppingClock());
    tt.teardown(() => store.close());
    return store;
  };

  t.test('an empty store has no flags', async (t) => {
    const store = await open(t);
    t.equal((await store.list()).flags.size, 0);
    t.equal(await store.get('reviews.list'), null);
    t.same(await store.audit(), []);
  });

  t.test('the first write expects version 0 and creates version 1 with time, actor and reason', async (t) => {
    const store = await open(t);
    const result = await store.set('reviews.list', { stage: 'service', reason: 'go live' }, 0, 'reviews');
    t.ok(result.ok);
    const flag = await store.get('reviews.list');
    t.match(flag, {
      routeId: 'reviews.list',
      stage: 'service',
      percent: 0,
      shadowPercent: 0,
      version: 1,
      updatedBy: 'reviews',
      reason: 'go live',
    });
    t.equal(flag?.updatedAt, '2026-01-01T00:00:01.000Z');
    t.same([...(await store.list()).flags.keys()], ['reviews.list']);
  });

  t.test('a write with a stale version is refused and returns the current flag', async (t) => {
    const store = await open(t);
    await store.set('r', canary(5), 0, 'a');
    await store.set('r', canary(10), 1, 'a');
    const refused = await store.set('r', canary(50), 1, 'b');
    t.match(refused, { ok: false, reason: 'conflict', current: { version: 2, percent: 10 } });
    t.equal((await store.get('r'))?.percent, 10, 'nothing was written');
    t.match(
      await store.set('new', canary(1), 1, 'b'),
      { ok: false, reason: 'conflict', current: null },
      'no flag yet means version 0',
    );
  });

  t.test('omitted fields keep their value and percent is 0 outside canary', async (t) => {
    const store = await open(t);
    await store.set(
      'r',
      { stage: 'canary', percent: 12.34, stickyBy: 'header:x-user', shadowPercent: 20, reason: 'a' },
      0,
      'x',
    );
    await store.set('r', { stage: 'canary', reason: 'b' }, 1, 'x');
    t.match(await store.get('r'), {
      percent: 12.34,
      stickyBy: 'header:x-user',
      shadowPercent: 20,
      version: 2,
    });
    await store.set('r', { stage: 'service', reason: 'c' }, 2, 'x');
    t.match(await store.get('r'), { stage: 'service', percent: 0, stickyBy: 'header:x-user', version: 3 });
  });

  t.test('an invalid change is refused with every problem and audited', async (t) => {
    const store = await open(t);
    const cases: Array<[FlagChange, RegExp]> = [
      [canary(100.5), /percent/],
      [canary(0.005), /steps of 0\.01/],
      [{ stage: 'monolith', percent: 5, reason: 'x' }, /only to stage canary/],
      [{ stage: 'canary', percent: 1, stickyBy: 'body:x' as never, reason: 'x' }, /stickyBy/],
      [{ stage: 'canary', percent: 1, reason: ' ' }, /reason/],
      [{ stage: 'live' as never, reason: 'x' }, /stage/],
    ];
    for (const [change, problem] of cases) {
      const result = await store.set('r', change, 0, 'x');
      t.match(result, { ok: false, reason: 'invalid' }, JSON.stringify(change));
      if (!result.ok && result.reason === 'invalid') t.match(result.problems.join('; '), problem);
    }
    t.equal(await store.get('r'), null);
    const audit = await store.audit();
    t.equal(audit.length, cases.length);
    t.ok(audit.every((entry) => entry.result === 'invalid'));
  });

  t.test('0.07 and 33.33 are valid canary steps despite binary floating point', async (t) => {
    const store = await open(t);
    t.ok((await store.set('r', canary(0.07), 0, 'x')).ok);
    t.ok((await store.set('r', canary(33.33), 1, 'x')).ok);
  });

  t.test('the audit trail holds every write and refusal, newest first, filtered and limited', async (t) => {
    const store = await open(t);
    await store.set('a', canary(1), 0, 'alice');
    await store.set('b', canary(2), 0, 'bob');
    await store.set('a', canary(3), 0, 'mallory');
    await store.appendAudit({
      at: '2026-01-01T01:00:00.000Z',
      routeId: 'b',
      actor: 'anonymous',
      from: null,
      to: null,
      reason: '',
      result: 'unauthenticated',
    });
    await store.set('a', canary(4), 1, 'alice');
    const all = await store.audit();
    t.same(
      all.map((e) => [e.routeId, e.actor, e.result]),
      [
        ['a', 'alice', 'ok'],
        ['b', 'anonymous', 'unauthenticated'],
        ['a', 'mallory', 'conflict'],
        ['b', 'bob', 'ok'],
        ['a', 'alice', 'ok'],
      ],
    );
    t.match(all[0], {
      from: { stage: 'canary', percent: 1, version: 1 },
      to: { stage: 'canary', percent: 4 },
      reason: 'ramp',
    });
    t.match(all[2], { from: { version: 1 }, to: { percent: 3 }, detail: /expected version 0, found 1/ });
    t.same(
      (await store.audit({ routeId: 'a' })).map((e) => e.actor),
      ['alice', 'mallory', 'alice'],
    );
    t.same(
      (await store.audit({ routeId: 'a', limit: 1 })).map((e) => e.to?.percent),
      [4],
    );
  });

  t.test('subscribers hear every write until they unsubscribe', async (t) => {
    const store = await open(t);
    const seen: FlagSnapshot[] = [];
    const unsubscribe = store.subscribe((snapshot) => seen.push(snapshot));
    await store.set('r', canary(1), 0, 'x');
    await store.set('r', canary(2), 1, 'x');
    t.same(
      seen.map((s) => s.flags.get('r')?.percent),
      [1, 2],
    );
    unsubscribe();
    await store.set('r', canary(3), 2, 'x');
    t.equal(seen.length, 2);
    await store.set('r', canary(3), 0, 'x');
    t.equal(seen.length, 2, 'a refused write is not a change');
  });

  t.test(
    'a throwing subscriber is reported to its onError and does not break the write or others',
    async (t) => {
      const store = await open(t);
      const errors: Error[] = [];
      let heard = 0;
      store.subscribe(
        () => {
          throw new Error('listener bug');
        },
        (error) => errors.push(error),
      );
      store.subscribe(() => heard++);
      t.ok((await store.set('r', canary(1), 0, 'x')).ok);
      t.equal(heard, 1);
      t.match(errors, [{ message: 'listener bug' }]);
    },
  );

  t.test('a snapshot handed out never changes afterwards', async (t) => {
    const store = await open(t);
    await store.set('r', canary(1), 0, 'x');
    const before = await store.list();
    await store.set('r', canary(2), 1, 'x');
    await store.set('s', canary(2), 0, 'x');
    t.equal(before.flags.get('r')?.percent, 1);
    t.equal(before.flags.size, 1);
  });

  t.test('racing writers with the same expected version: exactly one wins', async (t) => {
    const store = await open(t);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.set('r', canary(i), 0, `w${i}`)),
    );
    t.equal(results.filter((r) => r.ok).length, 1);
    t.equal(results.filter((r) => !r.ok && r.reason === 'conflict').length, 7);
    t.equal((await store.get('r'))?.version, 1);
  });

  t.test('a closed store refuses further use', async (t) => {
    const { store } = await factory(t, steppingClock());
    await store.close();
    await t.rejects(store.list(), { code: 'FICUS_PROXY_FLAG_STORE_CLOSED' });
    await t.rejects(store.set('r', canary(1), 0, 'x'), { code: 'FICUS_PROXY_FLAG_STORE_CLOSED' });
    t.throws(() => store.subscribe(() => undefined), { code: 'FICUS_PROXY_FLAG_STORE_CLOSED' });
  });
}
