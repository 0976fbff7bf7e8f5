// The guard's pure decision: leave a route alone, step its canary down, or roll it back to the monolith.
import type { GuardConfig } from '../config/ficus-config.js';
import type { Stage } from '../flags/route-flag.js';
import type { WindowCounts } from './outcome-window.js';

export type GuardAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'rollback'; readonly reason: string }
  | { readonly kind: 'step-down'; readonly percent: number; readonly reason: string };

const NONE: GuardAction = Object.freeze({ kind: 'none' });

export function decideGuardAction(
  flag: { readonly stage: Stage; readonly percent: number },
  service: WindowCounts,
  monolith: WindowCounts,
  guard: GuardConfig,
): GuardAction {
  if (!guard.enabled || (flag.stage !== 'canary' && flag.stage !== 'service')) return NONE;
  if (service.requests < guard.minRequests) return NONE;
  const errorPercent = (service.failures / service.requests) * 100;
  const slowPercent = guard.slowMs > 0 ? (service.slow / service.requests) * 100 : 0;
  const breaches: string[] = [];
  if (errorPercent > guard.maxErrorPercent) {
    breaches.push(
      `service failures ${pct(errorPercent)} % > ${guard.maxErrorPercent} % ` +
        `(${service.failures} of ${service.requests} requests; ${service.fallbacks} fallbacks, ${service.timeouts} timeouts)`,
    );
  }
  if (guard.slowMs > 0 && slowPercent > guard.maxSlowPercent) {
    breaches.push(
      `service requests slower than ${guard.slowMs} ms ${pct(slowPercent)} % > ${guard.maxSlowPercent} % ` +
        `(${service.slow} of ${service.requests})`,
    );
  }
  if (breaches.length === 0) return NONE;
  const monolithPercent = monolith.requests === 0 ? 0 : (monolith.failures / monolith.requests) * 100;
  const context =
    `over the last ${Math.round(guard.windowMs / 1000)} s; ` +
    `monolith failures ${pct(monolithPercent)} % (${monolith.failures} of ${monolith.requests})`;
  if (guard.onBreach === 'step-down' && flag.stage === 'canary') {
    const next = Math.floor((flag.percent / guard.stepDownFactor) * 100) / 100;
    if (next >= guard.minPercent && next < flag.percent) {
      return {
        kind: 'step-down',
        percent: next,
        reason: `ficus-guard: canary ${flag.percent} % → ${next} %: ${breaches.join('; ')} ${context}`,
      };
    }
  }
  return {
    kind: 'rollback',
    reason: `ficus-guard: ${flag.stage} → monolith: ${breaches.join('; ')} ${context}`,
  };
}

function pct(value: number): string {
  return value.toFixed(1);
}
