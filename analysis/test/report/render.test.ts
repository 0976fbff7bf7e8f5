import t from 'tap';
import { AnalysisError } from '../../src/errors.js';
import { OUTPUT_FORMATS } from '../../src/report/analysis-result.js';
import { render } from '../../src/report/render.js';
import { parseResult } from '../../src/report/render-json.js';
import { shopResult } from './shop-result.js';

t.test('the JSON result carries the fields DESIGN.md §3 requires', async (t) => {
  const json = JSON.parse(render(shopResult(), 'json'));
  t.equal(json.schemaVersion, 1);
  t.equal(json.root, '/virtual/shop');
  t.match(json.files[0], { path: String, module: String, loc: Number, seam: String });
  t.match(json.routes[0], {
    method: String,
    path: String,
    framework: String,
    handler: { file: String, symbol: String },
    reach: Array,
    tables: { read: Array, write: Array },
  });
  t.match(json.seams[0], {
    id: String,
    name: String,
    files: Array,
    routes: Array,
    tables: Array,
    cuts: { incoming: Number, outgoing: Number },
    score: Number,
    rationale: String,
  });
  t.match(json.metrics, { modules: Array, cycles: Array, partitions: { folders: Object, proposal: Object } });
});

t.test('a saved result re-renders to exactly what the live result renders, in every format', async (t) => {
  const live = shopResult();
  const saved = parseResult(render(live, 'json'));
  for (const format of OUTPUT_FORMATS) t.equal(render(saved, format), render(live, format), format);
});

t.test('a result of another schemaVersion, or not JSON, is refused with a stable code', async (t) => {
  const json = JSON.parse(render(shopResult(), 'json'));
  t.throws(() => parseResult(JSON.stringify({ ...json, schemaVersion: 99 })), {
    code: 'FICUS_ANALYSIS_RESULT_INVALID',
    message: /schemaVersion 99/,
  });
  t.throws(() => parseResult('{ nope'), AnalysisError);
  t.throws(() => parseResult(JSON.stringify({ ...json, seams: undefined })), { message: /"seams"/ });
});

t.test('the Markdown report ranks the candidates and compares folders with the proposal', async (t) => {
  const md = render(shopResult(), 'md');
  t.match(md, /^# Seam analysis of `\/virtual\/shop`/);
  t.match(md, /\| 1 \| account \| \d+ \| 4 \| 2 \|/);
  t.match(md, /### order — score \d+\n\nTakes over 2 routes/);
  t.match(md, /- routes: `GET \/api\/orders\/:id`, `POST \/api\/orders`/);
  t.match(md, /\| SM \(structural modularity\) \| higher \| -?[\d.]+ \| -?[\d.]+ \|/);
  t.match(md, /shared-infrastructure \(shared\)/);
});

t.test('DOT and Mermaid draw one node per seam and one edge per seam dependency', async (t) => {
  const result = shopResult();
  t.ok(result.seamDependencies.length > 0, 'the shop has seam dependencies to draw');
  const dot = render(result, 'dot');
  t.match(dot, /^digraph seams \{/);
  t.equal((dot.match(/^ {2}s\d+ \[label=/gm) ?? []).length, result.seams.length);
  t.equal((dot.match(/->/g) ?? []).length, result.seamDependencies.length);
  t.match(dot, /style="rounded,dashed"/);
  const mermaid = render(result, 'mermaid');
  t.match(mermaid, /^flowchart LR/);
  t.equal((mermaid.match(/-->\|\d+\|/g) ?? []).length, result.seamDependencies.length);
});

t.test(
  'the HTML page is self-contained: no external URL, data escaped inside the script element',
  async (t) => {
    const result = shopResult();
    const hostile = {
      ...result,
      seams: result.seams.map((s, i) =>
        i === 0 ? { ...s, rationale: '</script><script>alert(1)</script>' } : s,
      ),
    };
    const html = render(hostile, 'html');
    t.notMatch(html, /(src|href)="(https?:)?\/\//);
    t.equal(html.match(/<\/script>/g)?.length, 2, 'only the two real script elements close');
  },
);
