// Renders a result in any output format; every format comes from the JSON result alone, so saved results re-render.
import type { AnalysisResult, OutputFormat } from './analysis-result.js';
import { renderGraphHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderDot, renderMermaid } from './render-graph-text.js';

export function render(result: AnalysisResult, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'md':
      return renderMarkdown(result);
    case 'html':
      return renderGraphHtml(result);
    case 'dot':
      return renderDot(result);
    case 'mermaid':
      return renderMermaid(result);
  }
}
