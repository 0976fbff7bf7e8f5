import { fileURLToPath } from 'node:url';
import t from 'tap';
import { analyze, render } from '../src/analyze.js';

const blog = fileURLToPath(new URL('../../test/fixtures/express-blog', import.meta.url));

t.test(
  'analyses a project on disk end to end: every file in exactly one seam, every route taken over once',
  async (t) => {
    const stages: string[] = [];
    const result = await analyze(blog, { onProgress: (e) => stages.push(e.stage) });
    t.equal(result.schemaVersion, 1);
    t.equal(result.root, blog);
    const seamFiles = result.seams.flatMap((s) => s.files);
    t.equal(seamFiles.length, new Set(seamFiles).size, 'no file in two seams');
    t.same([...seamFiles].sort(), result.files.map((f) => f.path).sort(), 'every file in a seam');
    const taken = result.seams.flatMap((s) => s.routes);
    t.equal(taken.length, result.routes.length, 'every route taken over by exactly one seam');
    for (const file of result.files)
      t.ok(
        result.seams.some((s) => s.id === file.seam),
        `${file.path} names its seam`,
      );
    t.ok(
      result.seams.some((s) => s.shared),
      'lib/ is recognised as shared infrastructure',
    );
    t.same([...new Set(stages)].slice(-3), ['metrics', 'seams', 'report'], 'progress names each stage');
    t.ok(render(result, 'md').length > 0);
  },
);

t.test('the same options give the same result, and --services K gives K candidates', async (t) => {
  const a = await analyze(blog, { seed: 3 });
  const b = await analyze(blog, { seed: 3 });
  t.same(a.seams, b.seams);
  const two = await analyze(blog, { services: 2 });
  t.equal(two.seams.filter((s) => !s.shared).length, 2);
  t.equal(two.options.services, 2);
});

t.test('a folder without sources fails with a stable code', async (t) => {
  await t.rejects(analyze(fileURLToPath(new URL('.', import.meta.url)) + '/no-such-folder'), {
    code: 'FICUS_ANALYSIS_NO_SOURCES',
  });
});
