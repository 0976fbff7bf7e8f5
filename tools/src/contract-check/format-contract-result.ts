// The contract check's table: route, requests, matches, and the first difference seen on that route.
import type { ContractResult } from './run-contract.js';

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function formatContractResult(result: ContractResult): string {
  const header = ['route', 'requests', 'matches', 'first difference'];
  const rows = result.routes.map((r) => [
    r.route,
    String(r.requests),
    String(r.matches),
    r.firstDifference === undefined
      ? '-'
      : `${r.firstDifference.path}: ${r.firstDifference.difference.kind} at ${r.firstDifference.difference.path} ` +
        `(${describe(r.firstDifference.difference.a)} vs ${describe(r.firstDifference.difference.b)})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    `${result.matches}/${result.requests} responses match${result.ok ? '' : ' — MISMATCH'}`,
  ].join('\n');
}
