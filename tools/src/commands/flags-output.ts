// How `ficus flags` prints admin API answers for people: aligned tables and key-value blocks.
import type { AuditEntry, RouteDiffsView, RouteView } from '@ficus/strangler-proxy';

export function renderList(routes: readonly RouteView[]): string {
  const rows = routes.map((r) => [
    r.id,
    r.stage + (r.appliedVersion < r.version ? '*' : '') + (r.flagProblem === null ? '' : '!'),
    r.stage === 'canary' ? `${r.flag?.percent ?? 0}%` : '-',
    r.stage === 'shadow' ? `${r.flag?.shadowPercent ?? 0}%` : '-',
    String(r.version),
    r.owner,
    r.stats === null ? '-' : r.stats.ratePerSec.toFixed(1),
    r.stats === null ? '-' : `${(r.stats.errorRate * 100).toFixed(1)}%`,
    r.stats === null ? '-' : String(Math.round(r.stats.p99Ms)),
    r.flag?.updatedBy ?? '-',
  ]);
  const notes = [
    ...(routes.some((r) => r.appliedVersion < r.version)
      ? ['* the data plane has not applied this version yet']
      : []),
    ...routes
      .filter((r) => r.flagProblem !== null)
      .map((r) => `! ${r.id}: stored flag is invalid (${r.flagProblem}); its last good flag stays in force`),
  ];
  const header = [
    'ROUTE',
    'STAGE',
    'CANARY',
    'SHADOW',
    'VERSION',
    'OWNER',
    'REQ/S',
    'ERRORS',
    'P99 MS',
    'UPDATED BY',
  ];
  return (
    table(header, rows, new Set([2, 3, 4, 6, 7, 8])) + (notes.length > 0 ? `\n${notes.join('\n')}\n` : '')
  );
}

export function renderShow(r: RouteView): string {
  const lines: Array<[string, string]> = [
    ['route', r.id],
    ['path', `${r.methods.length === 0 ? 'ANY' : r.methods.join(',')} ${r.path}`],
    ['service', `${r.service} (owner ${r.owner})`],
    ['stage', describeFlag(r.flag)],
    [
      'version',
      r.appliedVersion < r.version
        ? `${r.version} (data plane still on ${r.appliedVersion})`
        : String(r.version),
    ],
  ];
  if (r.flag !== null) {
    lines.push(
      ['sticky by', r.flag.stickyBy],
      ['updated', `${r.flag.updatedAt} by ${r.flag.updatedBy}`],
      ['reason', r.flag.reason],
    );
  }
  if (r.flagProblem !== null) lines.push(['problem', `stored flag is invalid: ${r.flagProblem}`]);
  if (r.stats !== null) {
    const s = r.stats;
    const targets = Object.entries(s.byTarget)
      .map(([target, n]) => `${target} ${n}`)
      .join(', ');
    lines.push(
      ['traffic', `${s.requests} requests, ${s.ratePerSec.toFixed(1)}/s (${targets || 'none'})`],
      ['errors', `${(s.errorRate * 100).toFixed(2)}%, ${s.fallbacks} fallbacks`],
      ['latency', `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms`],
    );
  }
  return keyValues(lines);
}

/** The evidence lines under `show`: what a team reads before it flips a route. */
export function renderEvidence(e: RouteDiffsView | null): string {
  if (e === null) return 'evidence: not available from this proxy\n';
  const pct = (rate: number | null): string =>
    rate === null ? 'none yet' : `${(Math.floor(rate * 10000) / 100).toFixed(2)} %`;
  const counts = (record: Readonly<Record<string, number>>): string =>
    Object.entries(record)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const latency = (name: string, l: RouteDiffsView['latency']['monolith']): string =>
    l.p50Ms === null ? `${name} -` : `${name} p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms`;
  const lines: [string, string][] = [
    [
      'evidence',
      `${e.compared} compared, ${e.matched} matched, ${e.mismatched} mismatched, ${e.failed} failed` +
        `${e.failed > 0 ? ` (${counts(e.failures)})` : ''}; match rate ${pct(e.matchRate)}`,
    ],
    [
      'gate',
      e.gate.passed
        ? `open (needs ≥ ${e.gate.required.minMatchPercent} % over ≥ ${e.gate.required.minCompared} compared)`
        : `closed: ${e.gate.missing.join('; ')}`,
    ],
    [
      'fields',
      e.fields.length === 0
        ? 'none differ'
        : e.fields
            .slice(0, 10)
            .map((f) => `${f.path} ${f.mismatches}`)
            .join(', '),
    ],
    [
      'noise',
      e.noise.fields.length === 0
        ? `none learned (${e.noise.sampled} noise samples)`
        : `${e.noise.fields.map((f) => f.path).join(', ')} (${e.noise.masked} comparisons differed only there; ` +
          `${e.noise.sampled} noise samples)`,
    ],
    [
      'shapes',
      e.shapes.length === 0
        ? '-'
        : e.shapes
            .slice(0, 5)
            .map((s) => `${s.shape} ${s.count}`)
            .join(', '),
    ],
    ['latency', `${latency('monolith', e.latency.monolith)}; ${latency('service', e.latency.service)}`],
  ];
  if (Object.keys(e.skipped).length > 0) lines.push(['skipped', counts(e.skipped)]);
  const last = e.samples[0];
  if (last !== undefined) {
    const first = last.differences[0];
    const change =
      first === undefined
        ? ''
        : ` ${first.path} (${first.kind}): ${JSON.stringify(first.a)} → ${JSON.stringify(first.b)}`;
    lines.push(['last mismatch', `${last.at} ${last.method} ${last.path}${change}`]);
  }
  return keyValues(lines);
}

export function renderHistory(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'no audit entries for this route\n';
  const rows = entries.map((e) => [
    e.at,
    e.actor,
    e.result,
    e.from === null ? '-' : `${describeFlag(e.from)} v${e.from.version}`,
    e.action === 'reset-evidence' ? 'evidence reset' : e.to === null ? '-' : describeFlag(e.to),
    e.detail === undefined ? e.reason : `${e.reason}${e.reason === '' ? '' : ' '}(${e.detail})`,
  ]);
  return table(['AT', 'ACTOR', 'RESULT', 'FROM', 'TO', 'REASON'], rows, new Set());
}

export function describeFlag(flag: { stage: string; percent: number; shadowPercent: number } | null): string {
  if (flag === null) return 'monolith (no flag)';
  if (flag.stage === 'canary') return `canary ${flag.percent}%`;
  if (flag.stage === 'shadow') return `shadow ${flag.shadowPercent}%`;
  return flag.stage;
}

/** Aligned columns; `right` holds the indexes of numeric columns, which align right. */
function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number>,
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** `key: value` lines with the values aligned. */
function keyValues(lines: readonly (readonly [string, string])[]): string {
  const width = Math.max(...lines.map(([key]) => key.length));
  return lines.map(([key, value]) => `${`${key}:`.padEnd(width + 2)}${value}`).join('\n') + '\n';
}
