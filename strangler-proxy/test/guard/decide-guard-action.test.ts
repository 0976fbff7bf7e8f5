// The guard's decision table: minimum requests, error and latency thresholds, step-down and its floor.
import t from 'tap';
import type { GuardConfig } from '../../src/config/ficus-config.js';
import { decideGuardAction } from '../../src/guard/decide-guard-action.js';
import { OutcomeWindow } from '../../src/guard/outcome-window.js';

const guard: GuardConfig = {
  enabled: true,
  windowMs: 60_000,
  minRequests: 20,
  maxErrorPercent: 5,
  slowMs: 0,
  maxSlowPercent: 1,
  onBreach: 'rollback',
  stepDownFactor: 2,
  minPercent: 1,
};
const counts = (requests: number, failures: number, slow = 0) => ({
  requests,
  failures,
  fallbacks: failures,
  timeouts: 0,
  slow,
});
const quiet = counts(0, 0);

t.test('no action below the minimum number of requests or within thresholds', async (t) => {
  const canary = { stage: 'canary' as const, percent: 50 };
  t.same(decideGuardAction(canary, counts(19, 19), quiet, guard), { kind: 'none' });
  t.same(decideGuardAction(canary, counts(20, 1), quiet, guard), { kind: 'none' }, '5 % is not above 5 %');
  t.same(decideGuardAction({ stage: 'shadow', percent: 0 }, counts(100, 100), quiet, guard), {
    kind: 'none',
  });
  t.same(decideGuardAction(canary, counts(100, 100), quiet, { ...guard, enabled: false }), { kind: 'none' });
});

t.test('a breach rolls back with the numbers in the reason', async (t) => {
  const action = decideGuardAction({ stage: 'service', percent: 0 }, counts(20, 2), counts(10, 0), guard);
  t.match(action, {
    kind: 'rollback',
    reason:
      /^ficus-guard: service → monolith: service failures 10\.0 % > 5 % \(2 of 20 requests; 2 fallbacks, 0 timeouts\) over the last 60 s; monolith failures 0\.0 % \(0 of 10\)$/,
  });
});

t.test('latency breaches when more than maxSlowPercent are slower than slowMs', async (t) => {
  const slow = { ...guard, slowMs: 200 };
  t.match(decideGuardAction({ stage: 'canary', percent: 5 }, counts(100, 0, 2), quiet, slow), {
    kind: 'rollback',
    reason: /slower than 200 ms 2\.0 % > 1 %/,
  });
  t.same(decideGuardAction({ stage: 'canary', percent: 5 }, counts(100, 0, 1), quiet, slow), {
    kind: 'none',
  });
});

t.test('step-down divides the canary, and rolls back once below the floor', async (t) => {
  const stepping = { ...guard, onBreach: 'step-down' as const };
  t.match(decideGuardAction({ stage: 'canary', percent: 50 }, counts(20, 20), quiet, stepping), {
    kind: 'step-down',
    percent: 25,
  });
  t.match(decideGuardAction({ stage: 'canary', percent: 1.5 }, counts(20, 20), quiet, stepping), {
    kind: 'rollback',
  });
  t.match(decideGuardAction({ stage: 'service', percent: 0 }, counts(20, 20), quiet, stepping), {
    kind: 'rollback',
  });
});

t.test('the window forgets outcomes older than its length', async (t) => {
  let now = 0;
  const window = new OutcomeWindow(10_000, () => now);
  window.add({ failure: true, fallback: true, timeout: false, slow: false });
  now = 5_000;
  window.add({ failure: false, fallback: false, timeout: true, slow: true });
  t.same(window.counts(), { requests: 2, failures: 1, fallbacks: 1, timeouts: 1, slow: 1 });
  now = 10_500;
  t.same(window.counts(), { requests: 1, failures: 0, fallbacks: 0, timeouts: 1, slow: 1 });
  now = 100_000;
  t.same(window.counts(), { requests: 0, failures: 0, fallbacks: 0, timeouts: 0, slow: 0 });
});
