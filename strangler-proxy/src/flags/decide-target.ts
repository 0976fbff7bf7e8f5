// The pure decision of who serves a request: the monolith or the route's service, from the route's flag.
import type { RouteConfig } from '../config/ficus-config.js';
import type { RouteFlag, Stage } from './route-flag.js';
import { inCanary } from './sticky-bucket.js';

export type Target = 'monolith' | 'service';

export type DecisionReason =
  | 'default-route'
  | 'no-flag'
  | 'stage'
  | 'shadow-serves-monolith'
  | 'canary-in'
  | 'canary-out'
  | 'canary-no-key'
  | 'tester-override';

export interface Decision {
  readonly target: Target;
  /** `monolith` for the default route and for routes with no flag yet. */
  readonly stage: Stage;
  readonly reason: DecisionReason;
}

export interface RequestKeyInfo {
  /** The canary key from the flag's `stickyBy`; null when the request carries none. */
  readonly key: string | null;
  /** A target forced by a tester; the caller passes it only after checking the config and the tester token. */
  readonly override: Target | null;
}

const DEFAULT_ROUTE: Decision = Object.freeze({
  target: 'monolith',
  stage: 'monolith',
  reason: 'default-route',
});
const NO_FLAG: Decision = Object.freeze({ target: 'monolith', stage: 'monolith', reason: 'no-flag' });
const MONOLITH: Decision = Object.freeze({ target: 'monolith', stage: 'monolith', reason: 'stage' });
const SERVICE: Decision = Object.freeze({ target: 'service', stage: 'service', reason: 'stage' });
// The monolith serves; whether a copy also goes to the service is `decideShadow`'s separate, pure decision.
const SHADOW: Decision = Object.freeze({
  target: 'monolith',
  stage: 'shadow',
  reason: 'shadow-serves-monolith',
});
const CANARY_IN: Decision = Object.freeze({ target: 'service', stage: 'canary', reason: 'canary-in' });
const CANARY_OUT: Decision = Object.freeze({ target: 'monolith', stage: 'canary', reason: 'canary-out' });
// A request without a key stays on the monolith: a random pick would flip that client back and forth, which is
// exactly what a sticky canary promises not to do.
const CANARY_NO_KEY: Decision = Object.freeze({
  target: 'monolith',
  stage: 'canary',
  reason: 'canary-no-key',
});

export function decideTarget(
  route: RouteConfig | null,
  flag: RouteFlag | null,
  info: RequestKeyInfo,
): Decision {
  if (route === null) return DEFAULT_ROUTE;
  if (info.override !== null) {
    return { target: info.override, stage: flag?.stage ?? 'monolith', reason: 'tester-override' };
  }
  if (flag === null) return NO_FLAG;
  switch (flag.stage) {
    case 'monolith':
      return MONOLITH;
    case 'service':
      return SERVICE;
    case 'shadow':
      return SHADOW;
    case 'canary':
      if (info.key === null) return CANARY_NO_KEY;
      return inCanary(route.id, info.key, flag.percent) ? CANARY_IN : CANARY_OUT;
  }
}
