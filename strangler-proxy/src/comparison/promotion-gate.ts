// The promotion gate: a flag write that sends more traffic to the service needs shadow evidence first; pure.
import type { GateConfig } from '../config/ficus-config.js';
import type { Stage } from '../flags/route-flag.js';
import type { EvidenceSummary } from './evidence-book.js';

export interface GateVerdict {
  /** False when the write sends no more traffic to the service than before (rollbacks are never gated). */
  readonly applies: boolean;
  readonly passed: boolean;
  /** What is missing, one sentence each; empty when passed. */
  readonly missing: readonly string[];
  readonly required: GateConfig;
  readonly evidence: {
    readonly compared: number;
    readonly failed: number;
    readonly matchRate: number | null;
  };
}

interface Exposure {
  readonly stage: Stage;
  readonly percent: number;
}

/** Share of requests the service serves in a stage. */
function exposure({ stage, percent }: Exposure): number {
  if (stage === 'service') return 100;
  if (stage === 'canary') return percent;
  return 0;
}

export function checkPromotion(
  current: Exposure | null,
  next: Exposure,
  evidence: EvidenceSummary,
  gate: GateConfig,
): GateVerdict {
  const summary = { compared: evidence.compared, failed: evidence.failed, matchRate: evidence.matchRate };
  const applies =
    (next.stage === 'canary' || next.stage === 'service') &&
    exposure(next) > exposure(current ?? { stage: 'monolith', percent: 0 });
  if (!applies) return { applies, passed: true, missing: [], required: gate, evidence: summary };
  const missing: string[] = [];
  if (evidence.compared < gate.minCompared) {
    missing.push(`compared requests: ${evidence.compared} of the ${gate.minCompared} required`);
  }
  const percent = evidence.matchRate === null ? null : evidence.matchRate * 100;
  if (gate.minMatchPercent > 0 && (percent === null || percent < gate.minMatchPercent)) {
    missing.push(
      `match rate: ${percent === null ? 'none yet' : `${formatPercent(percent)} %`}, ` +
        `${gate.minMatchPercent} % required`,
    );
  }
  return { applies, passed: missing.length === 0, missing, required: gate, evidence: summary };
}

/** Two decimals, rounded down so that 98.999 % never prints as a passing 99.00 %. */
export function formatPercent(percent: number): string {
  return (Math.floor(percent * 100) / 100).toFixed(2);
}
