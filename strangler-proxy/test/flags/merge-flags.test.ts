// A bad stored value degrades only its route: that route keeps its last good flag and the merge says so.
import t from 'tap';
import { mergeFlags } from '../../src/flags/merge-flags.js';
import type { RouteFlag } from '../../src/flags/route-flag.js';

const good = (routeId: string, stage: RouteFlag['stage'], version: number): RouteFlag => ({
  routeId,
  stage,
  percent: 0,
  shadowPercent: 0,
  stickyBy: 'ip',
  version,
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 't',
  reason: 'r',
});

t.test('good values replace, bad values keep the previous flag', async (t) => {
  const previous = new Map([
    ['a', good('a', 'monolith', 1)],
    ['b', good('b', 'service', 3)],
  ]);
  const incoming = new Map<string, unknown>([
    ['a', good('a', 'service', 2)],
    ['b', { ...good('b', 'service', 4), stage: 'sideways' }],
  ]);
  const merged = mergeFlags(previous, { flags: incoming as Map<string, RouteFlag> });
  t.equal(merged.flags.get('a')?.stage, 'service');
  t.equal(merged.flags.get('b')?.version, 3);
  t.same(
    merged.rejected.map((r) => r.routeId),
    ['b'],
  );
  t.equal(merged.stale, true);
});

t.test('a clean snapshot is not stale', async (t) => {
  const merged = mergeFlags(new Map(), { flags: new Map([['a', good('a', 'canary', 1)]]) });
  t.equal(merged.stale, false);
  t.equal(merged.rejected.length, 0);
});

t.test('values the store reports as invalid are rejected and keep the previous flag', async (t) => {
  const previous = new Map([['b', good('b', 'service', 3)]]);
  const merged = mergeFlags(previous, { flags: new Map(), invalid: [{ routeId: 'b', problem: 'not JSON' }] });
  t.equal(merged.flags.get('b')?.stage, 'service');
  t.same(merged.rejected, [{ routeId: 'b', problem: 'not JSON' }]);
  t.equal(merged.stale, true);
});
