// The pure decision of whether a monolith-served request is also copied to the service (shadow and canary stages).
import type { RouteConfig } from '../config/ficus-config.js';
import type { Decision } from './decide-target.js';
import type { RouteFlag } from './route-flag.js';

/**
 * Methods that only read (RFC 9110 §9.2.1). PUT and DELETE are idempotent but still write: a copy of them would
 * change the service's data, so they, like POST and PATCH, are shadowed only when the route opts in.
 */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `roll` gives a number in [0, 1) and is only called when the share is neither 0 nor 100 %. */
export function decideShadow(
  route: RouteConfig | null,
  flag: RouteFlag | null,
  decision: Decision,
  method: string,
  roll: () => number,
): boolean {
  if (route === null || flag === null || decision.target !== 'monolith') return false;
  // A tester forcing the monolith wants that response, not a comparison made of it.
  if (decision.reason === 'tester-override') return false;
  if (flag.stage !== 'shadow' && flag.stage !== 'canary') return false;
  if (flag.shadowPercent <= 0) return false;
  if (!SAFE_METHODS.has(method) && !route.shadow.unsafeMethods) return false;
  return flag.shadowPercent >= 100 || roll() * 100 < flag.shadowPercent;
}
