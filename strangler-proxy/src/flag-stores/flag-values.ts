// Validation of flag values, both those a writer asks for and those read back from a store, and how a change applies.
import { STICKY_BY_PATTERN } from '../config/config-schema.js';
import { STAGES } from '../flags/route-flag.js';
import type { AuditEntry, FlagChange, RouteFlag, Stage, StickyBy } from '../flags/route-flag.js';

// One definition of a sticky key for the static config, the admin API and stored flags.
const STICKY_BY = new RegExp(STICKY_BY_PATTERN);
const DEFAULT_STICKY_BY: StickyBy = 'ip';
const PERCENT_RULE = 'must be a number from 0 to 100 in steps of 0.01';
const STICKY_BY_RULE = 'must be "ip", "header:NAME" or "cookie:NAME"';

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function isStickyBy(value: unknown): value is StickyBy {
  return typeof value === 'string' && STICKY_BY.test(value);
}

/** True for 0–100 in steps of 0.01 (checked on the scaled value: 0.07 is not an exact binary multiple of 0.01). */
export function isPercent(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) return false;
  const scaled = value * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Every problem with a requested change, each naming its field; empty when the change is valid. */
export function validateFlagChange(change: FlagChange): string[] {
  const problems: string[] = [];
  if (!isStage(change.stage)) problems.push(`stage: must be one of ${STAGES.join(', ')}`);
  if (change.percent !== undefined) {
    if (!isPercent(change.percent)) problems.push(`percent: ${PERCENT_RULE}`);
    else if (change.stage !== 'canary' && change.percent !== 0)
      problems.push('percent: applies only to stage canary');
  }
  if (change.shadowPercent !== undefined && !isPercent(change.shadowPercent)) {
    problems.push(`shadowPercent: ${PERCENT_RULE}`);
  }
  if (change.stickyBy !== undefined && !isStickyBy(change.stickyBy)) {
    problems.push(`stickyBy: ${STICKY_BY_RULE}`);
  }
  if (typeof change.reason !== 'string' || change.reason.trim() === '')
    problems.push('reason: must not be empty');
  return problems;
}

/**
 * The flag after `change`. Omitted fields keep their previous value; `percent` is 0 outside canary so that a later
 * canary starts from 0 unless asked otherwise; a first `shadow` with no share given copies every request.
 */
export function applyFlagChange(
  previous: RouteFlag | null,
  change: FlagChange,
  meta: { readonly routeId: string; readonly actor: string; readonly at: string },
): RouteFlag {
  const percent = nextPercent(previous, change);
  const shadowPercent =
    change.shadowPercent ?? previous?.shadowPercent ?? (change.stage === 'shadow' ? 100 : 0);
  return {
    routeId: meta.routeId,
    stage: change.stage,
    percent,
    shadowPercent,
    stickyBy: change.stickyBy ?? previous?.stickyBy ?? DEFAULT_STICKY_BY,
    version: (previous?.version ?? 0) + 1,
    updatedAt: meta.at,
    updatedBy: meta.actor,
    reason: change.reason,
  };
}

/** The canary share after a change: the one asked for, else the previous canary's, and 0 outside canary. */
export function nextPercent(
  previous: Pick<RouteFlag, 'stage' | 'percent'> | null,
  change: Pick<FlagChange, 'stage' | 'percent'>,
): number {
  if (change.stage !== 'canary') return 0;
  return change.percent ?? (previous?.stage === 'canary' ? previous.percent : 0);
}

export type ParsedFlag =
  { readonly ok: true; readonly flag: RouteFlag } | { readonly ok: false; readonly problem: string };

/** Checks one flag read back from storage (another process, a hand edit or an older version may have written it). */
export function parseStoredFlag(routeId: string, value: unknown): ParsedFlag {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('must be an object');
  const v = value as Record<string, unknown>;
  if (v.routeId !== undefined && v.routeId !== routeId)
    return bad(`routeId ${JSON.stringify(v.routeId)} does not match its key`);
  if (!isStage(v.stage)) return bad(`stage: must be one of ${STAGES.join(', ')}`);
  if (!isPercent(v.percent)) return bad(`percent: ${PERCENT_RULE}`);
  if (!isPercent(v.shadowPercent)) return bad(`shadowPercent: ${PERCENT_RULE}`);
  if (!isStickyBy(v.stickyBy)) return bad(`stickyBy: ${STICKY_BY_RULE}`);
  if (!Number.isSafeInteger(v.version) || (v.version as number) < 1)
    return bad('version: must be a whole number ≥ 1');
  if (typeof v.updatedAt !== 'string' || Number.isNaN(Date.parse(v.updatedAt)))
    return bad('updatedAt: must be an ISO 8601 time');
  if (typeof v.updatedBy !== 'string') return bad('updatedBy: must be a string');
  if (typeof v.reason !== 'string') return bad('reason: must be a string');
  return {
    ok: true,
    flag: {
      routeId,
      stage: v.stage,
      percent: v.percent,
      shadowPercent: v.shadowPercent,
      stickyBy: v.stickyBy,
      version: v.version as number,
      updatedAt: v.updatedAt,
      updatedBy: v.updatedBy,
      reason: v.reason,
    },
  };
}

/** The version a compare-and-set must match for a stored value that may be invalid (0 when there is none). */
export function storedVersion(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const version = (value as Record<string, unknown>).version;
  return Number.isSafeInteger(version) && (version as number) > 0 ? (version as number) : 0;
}

/** The audit entry for a write (`to` = the flag written) or a refused write (`to` = what was asked for). */
export function auditEntryFor(
  routeId: string,
  previous: RouteFlag | null,
  to: FlagChange | RouteFlag,
  meta: {
    readonly actor: string;
    readonly at: string;
    readonly result: AuditEntry['result'];
    readonly detail?: string;
  },
): AuditEntry {
  return {
    at: meta.at,
    routeId,
    actor: meta.actor,
    from: auditFrom(previous),
    to: { stage: to.stage, percent: to.percent ?? 0, shadowPercent: to.shadowPercent ?? 0 },
    reason: typeof to.reason === 'string' ? to.reason : '',
    result: meta.result,
    ...(meta.detail === undefined ? {} : { detail: meta.detail }),
  };
}

/** The `from` of an audit entry: the flag as it was before the write (null when the route had none). */
export function auditFrom(flag: RouteFlag | null): AuditEntry['from'] {
  if (flag === null) return null;
  return {
    stage: flag.stage,
    percent: flag.percent,
    shadowPercent: flag.shadowPercent,
    version: flag.version,
  };
}

function bad(problem: string): ParsedFlag {
  return { ok: false, problem };
}
