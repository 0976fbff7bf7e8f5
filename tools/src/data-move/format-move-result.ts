// Renders a data move's outcome as the table the command prints: one line per table with rows and checksums.
import type { MoveResult } from './move-tables.js';

export function formatMoveResult(result: MoveResult): string {
  const header = [
    'table',
    'mode',
    'state',
    'rows (source → target)',
    'written',
    'deleted',
    'sha256 (target)',
    'verified',
  ];
  const rows = result.tables.map((t) => [
    t.table,
    t.mode,
    t.state,
    `${t.source.rows} → ${t.target.rows}`,
    String(t.rowsWritten),
    String(t.rowsDeleted),
    t.target.sha256,
    t.verified ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    `took ${result.durationMs} ms`,
  ].join('\n');
}
