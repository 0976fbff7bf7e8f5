import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { cruise } from 'dependency-cruiser';
import { analyzeExtracted } from '../../src/analyze.js';
import { depcruiseRulesFor, renderDepcruiseRules } from '../../src/report/depcruise-rules.js';
import type { ExtractedProject } from '../../src/extract/extracted-project.js';
import { shopProject } from '../seams/shop-project.js';
import { shopResult } from './shop-result.js';

t.test('the rules are a loadable module exporting forbidden rules', async (t) => {
  const text = renderDepcruiseRules('order', depcruiseRulesFor(shopResult(), 'order'));
  const module = { exports: {} as { forbidden?: unknown[] } };
  new Function('module', text)(module);
  t.ok(Array.isArray(module.exports.forbidden) && module.exports.forbidden.length > 0);
});

t.test("dependency-cruiser accepts today's code and flags a new dependency across the seam", async (t) => {
  // Write the shop as real files so dependency-cruiser can cruise it.
  const project = shopProject();
  const dir = mkdtempSync(join(tmpdir(), 'ficus-seam-rules-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const write = (p: ExtractedProject): void => {
    for (const file of p.files) {
      const imports = p.imports
        .filter((e) => e.from === file.path)
        .map((e) => `import '${relativeImport(file.path, e.to)}';`);
      mkdirSync(join(dir, file.path, '..'), { recursive: true });
      writeFileSync(join(dir, file.path), `${imports.join('\n')}\nexport const x = 1;\n`);
    }
  };
  write({ ...project, imports: project.imports.filter((e) => e.kind !== 'type-only') });
  const rules = depcruiseRulesFor(analyzeExtracted(project), 'order');
  const run = async (): Promise<string[]> => {
    const output = await cruise(['src'], {
      baseDir: dir,
      validate: true,
      ruleSet: { forbidden: rules as never },
    } as never);
    const summary = (output.output as { summary: { violations: { from: string; to: string }[] } }).summary;
    return summary.violations.map((v) => `${v.from} -> ${v.to}`);
  };
  t.same(await run(), [], 'no violation today');
  // A review file starts using the order repository: a new inbound dependency.
  writeFileSync(
    join(dir, 'src/services/review-service.ts'),
    "import '../repositories/review-repository.js';\nimport '../repositories/order-repository.js';\nexport const x = 1;\n",
  );
  t.same(await run(), ['src/services/review-service.ts -> src/repositories/order-repository.ts']);
});

function relativeImport(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && fromParts[common] === toParts[common]) common += 1;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join('/').replace(/\.ts$/, '.js');
  return `${up === 0 ? './' : '../'.repeat(up)}${rest}`;
}
