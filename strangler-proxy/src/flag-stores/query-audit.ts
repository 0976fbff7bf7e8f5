// Reads an audit trail kept oldest first as the API serves it: newest first, optionally one route, capped.
import type { AuditEntry } from '../flags/route-flag.js';

export const DEFAULT_AUDIT_LIMIT = 100;

export function queryAudit(
  oldestFirst: readonly AuditEntry[],
  filter: { routeId?: string; limit?: number } = {},
): AuditEntry[] {
  const limit = filter.limit ?? DEFAULT_AUDIT_LIMIT;
  const out: AuditEntry[] = [];
  for (let i = oldestFirst.length - 1; i >= 0 && out.length < limit; i--) {
    const entry = oldestFirst[i];
    if (entry !== undefined && (filter.routeId === undefined || entry.routeId === filter.routeId))
      out.push(entry);
  }
  return out;
}
