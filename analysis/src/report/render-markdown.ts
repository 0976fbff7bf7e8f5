// The Markdown report: summary, ranked candidates, each candidate's detail, folders-vs-proposal metrics, cycles.
import type { AnalysisResult } from './analysis-result.js';
import { METRIC_ROWS } from './partition-metric-rows.js';

export function renderMarkdown(result: AnalysisResult): string {
  const lines: string[] = [];
  const candidates = result.seams.filter((s) => !s.shared);
  const shared = result.seams.filter((s) => s.shared);
  const loc = result.files.reduce((sum, f) => sum + f.loc, 0);
  const tables = new Set(result.routes.flatMap((r) => [...r.tables.read, ...r.tables.write]));
  lines.push(`# Seam analysis of \`${result.root}\``, '');
  lines.push(
    `${result.files.length} files (${loc} lines of code), ${result.routes.length} routes, ${tables.size} tables reached ` +
      `by routes. Ficus proposes ${candidates.length} candidate services` +
      (shared.length > 0 ? ` and one shared-infrastructure seam of ${shared[0]!.files.length} files.` : '.'),
    '',
  );
  if (result.skipped.length > 0)
    lines.push(`${result.skipped.length} files could not be parsed and were skipped.`, '');

  lines.push('## Candidates, cheapest to extract first', '');
  lines.push(
    '| rank | seam | score | files | routes | tables owned | shared tables | cuts in | cuts out | cycles |',
  );
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  result.seams.forEach((s, i) => {
    const name = s.shared ? `${s.name} (shared)` : s.name;
    lines.push(
      `| ${i + 1} | ${cell(name)} | ${s.score} | ${s.files.length} | ${s.routes.length} | ${s.tables.length} | ` +
        `${s.sharedTables.length} | ${s.cuts.incoming} | ${s.cuts.outgoing} | ${s.cycles} |`,
    );
  });
  lines.push('');

  for (const seam of result.seams) {
    lines.push(`### ${seam.name}${seam.shared ? ' (shared infrastructure)' : ''} — score ${seam.score}`, '');
    lines.push(seam.rationale, '');
    lines.push(`- id: \`${seam.id}\``);
    lines.push(`- routes: ${seam.routes.length === 0 ? 'none' : seam.routes.map(code).join(', ')}`);
    lines.push(`- tables owned: ${seam.tables.length === 0 ? 'none' : seam.tables.map(code).join(', ')}`);
    if (seam.sharedTables.length > 0)
      lines.push(`- tables shared with other seams: ${seam.sharedTables.map(code).join(', ')}`);
    lines.push(
      `- cuts: ${seam.cuts.incoming} in, ${seam.cuts.outgoing} out; import cycles across the boundary: ${seam.cycles}`,
    );
    lines.push(`- files (${seam.files.length}): ${seam.files.map(code).join(', ')}`, '');
  }

  const { folders, proposal } = result.metrics.partitions;
  lines.push('## Metrics: as-is folders vs proposal', '');
  lines.push('| metric | better | as-is folders | proposal |', '|---|---|---:|---:|');
  for (const row of METRIC_ROWS) {
    lines.push(`| ${row.label} | ${row.better} | ${row.value(folders)} | ${row.value(proposal)} |`);
  }
  lines.push('', 'Formulas and sources: docs/metrics.md.', '');

  lines.push('## Import cycles', '');
  if (result.metrics.cycles.length === 0) lines.push('None.', '');
  for (const cycle of result.metrics.cycles) lines.push(`- ${cycle.map(code).join(' ↔ ')}`);
  if (result.metrics.cycles.length > 0) lines.push('');

  lines.push('## Folders (Martin metrics)', '');
  lines.push('| folder | Ca | Ce | I | A | D |', '|---|---:|---:|---:|---:|---:|');
  for (const m of result.metrics.folders) {
    lines.push(
      `| ${code(m.module)} | ${m.ca} | ${m.ce} | ${m.instability.toFixed(2)} | ${m.abstractness.toFixed(2)} | ${m.distance.toFixed(2)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
