// One self-contained HTML page: the candidates as an interactive inline-SVG graph, no network needed to open it.
import type { AnalysisResult } from './analysis-result.js';
import { HTML_PAGE_SCRIPT } from './html-page-script.js';
import { METRIC_ROWS } from './partition-metric-rows.js';

export function renderGraphHtml(result: AnalysisResult): string {
  const { folders, proposal } = result.metrics.partitions;
  const metricRows = METRIC_ROWS.map(
    (row) =>
      `<tr><td>${escapeHtml(row.label)}</td><td>${row.better}</td><td>${escapeHtml(row.value(folders))}</td>` +
      `<td>${escapeHtml(row.value(proposal))}</td></tr>`,
  ).join('\n');
  const candidates = result.seams.filter((s) => !s.shared).length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ficus seam analysis: ${escapeHtml(result.root)}</title>
<link rel="icon" href="data:,">
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2a22; background: #f7f8f5; }
  header { padding: 12px 20px; background: #2f5d3a; color: #fff; }
  header h1 { margin: 0; font-size: 18px; }
  main { display: grid; grid-template-columns: minmax(420px, 660px) 1fr; gap: 16px; padding: 16px 20px; }
  svg { width: 100%; height: auto; background: #fff; border: 1px solid #d5dbd2; border-radius: 6px; }
  .edges line { stroke: #8a9a8f; }
  .seam circle { fill: #7fb58b; stroke: #2f5d3a; stroke-width: 2; cursor: pointer; }
  .seam.shared circle { fill: #d8dcd6; stroke-dasharray: 4 3; }
  .seam.selected circle { fill: #e9b949; }
  .seam text { font-size: 12px; pointer-events: none; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  td, th { border: 1px solid #d5dbd2; padding: 3px 6px; text-align: left; }
  tr[data-seam-id] { cursor: pointer; }
  tr.selected { background: #fbeec5; }
  #details ul { max-height: 220px; overflow: auto; margin: 0; }
</style>
</head>
<body>
<header><h1>Ficus seam analysis — ${escapeHtml(result.root)}</h1>
<div>${result.files.length} files, ${result.routes.length} routes, ${candidates} candidate services. Click a candidate.</div></header>
<main>
<section>
<svg id="graph" viewBox="0 0 640 640" role="img" aria-label="Service candidates and their dependencies">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#8a9a8f"/></marker></defs>
</svg>
<h2>Metrics</h2>
<table><thead><tr><th>metric</th><th>better</th><th>as-is folders</th><th>proposal</th></tr></thead>
<tbody>
${metricRows}
</tbody></table>
</section>
<section>
<h2>Candidates</h2>
<table><thead><tr><th>rank</th><th>seam</th><th>score</th><th>files</th><th>routes</th><th>cuts in / out</th></tr></thead>
<tbody id="candidates"></tbody></table>
<div id="details"></div>
</section>
</main>
<script type="application/json" id="ficus-data">${jsonForScript(result)}</script>
<script>${HTML_PAGE_SCRIPT}</script>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Inside a script element only `</script` (and `<!--`) can end it early; escaping every `<` rules both out.
function jsonForScript(result: AnalysisResult): string {
  const page = { root: result.root, seams: result.seams, seamDependencies: result.seamDependencies };
  return JSON.stringify(page)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
