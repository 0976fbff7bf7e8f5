// What `GET /routes/:id/diffs` answers: the route's shadow evidence, its stage, and the promotion gate's verdict.
import type { EvidenceSummary } from '../comparison/evidence-book.js';
import { checkPromotion } from '../comparison/promotion-gate.js';
import type { GateConfig, RouteConfig } from '../config/ficus-config.js';
import type { RouteFlag, Stage } from '../flags/route-flag.js';

export interface RouteDiffsView extends EvidenceSummary {
  readonly stage: Stage;
  readonly shadowPercent: number;
  /** The route's ignore rules, so a reader knows which fields were never compared. */
  readonly ignore: readonly string[];
  /** What a promotion to `service` would be told right now. */
  readonly gate: {
    readonly required: GateConfig;
    readonly passed: boolean;
    readonly missing: readonly string[];
  };
}

export function diffsView(
  route: RouteConfig,
  flag: RouteFlag | null,
  evidence: EvidenceSummary,
): RouteDiffsView {
  const verdict = checkPromotion(
    flag === null ? null : { stage: flag.stage, percent: flag.percent },
    { stage: 'service', percent: 0 },
    evidence,
    route.gate,
  );
  return {
    ...evidence,
    stage: flag?.stage ?? 'monolith',
    shadowPercent: flag?.shadowPercent ?? 0,
    ignore: route.shadow.ignore,
    gate: { required: verdict.required, passed: verdict.passed, missing: verdict.missing },
  };
}
