// The candidates as a graph in DOT (Graphviz) and Mermaid: one node per seam, one edge per seam dependency.
import type { AnalysisResult } from './analysis-result.js';

export function renderDot(result: AnalysisResult): string {
  const index = new Map(result.seams.map((s, i) => [s.id, i]));
  const lines = [
    'digraph seams {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
  ];
  for (const seam of result.seams) {
    const label = `${seam.name}\\n${seam.files.length} files, ${seam.routes.length} routes\\nscore ${seam.score}`;
    const style = seam.shared ? ', style="rounded,dashed"' : '';
    lines.push(`  s${index.get(seam.id)} [label=${dotString(label)}${style}];`);
  }
  for (const link of result.seamDependencies) {
    const from = index.get(link.from);
    const to = index.get(link.to);
    if (from !== undefined && to !== undefined) lines.push(`  s${from} -> s${to} [label="${link.count}"];`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

export function renderMermaid(result: AnalysisResult): string {
  const index = new Map(result.seams.map((s, i) => [s.id, i]));
  const lines = ['flowchart LR'];
  for (const seam of result.seams) {
    const label = `${seam.name}<br/>${seam.files.length} files, ${seam.routes.length} routes<br/>score ${seam.score}`;
    const open = seam.shared ? '[(' : '[';
    const close = seam.shared ? ')]' : ']';
    lines.push(`  s${index.get(seam.id)}${open}"${label.replace(/"/g, '#quot;')}"${close}`);
  }
  for (const link of result.seamDependencies) {
    const from = index.get(link.from);
    const to = index.get(link.to);
    if (from !== undefined && to !== undefined) lines.push(`  s${from} -->|${link.count}| s${to}`);
  }
  lines.push('');
  return lines.join('\n');
}

function dotString(text: string): string {
  return `"${text.replace(/"/g, '\\"')}"`;
}
