// The evaluation as one plain-text table, one block of four rows per project.
import type { ProjectEvaluation } from './evaluate-project.js';

const HEADER = [
  'project',
  'partition',
  'services',
  'MoJoFM',
  'SM ↑',
  'ICP ↓',
  'IFN ↓',
  'NED ↑',
  'BCP ↓',
  'x-writes ↓',
];

export function formatEvaluation(evaluations: readonly ProjectEvaluation[]): string {
  const rows: string[][] = [HEADER];
  for (const evaluation of evaluations) {
    evaluation.rows.forEach((row, i) => {
      rows.push([
        i === 0 ? `${evaluation.project} (${evaluation.files} files, ${evaluation.routes} routes)` : '',
        row.partition,
        String(row.services),
        `${row.mojoFm.toFixed(1)} %`,
        row.sm.toFixed(3),
        `${(row.icp * 100).toFixed(1)} %`,
        row.ifn.toFixed(2),
        `${(row.ned * 100).toFixed(1)} %`,
        row.bcp === null ? 'n/a' : row.bcp.toFixed(2),
        String(row.crossServiceWriteRoutes),
      ]);
    });
  }
  const widths = HEADER.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string =>
    r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return (
    [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n') +
    '\n'
  );
}
