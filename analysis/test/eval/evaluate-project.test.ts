import t from 'tap';
import { evaluateProject } from '../../src/eval/evaluate-project.js';
import { formatEvaluation } from '../../src/eval/format-evaluation.js';
import { shopGroundTruth, shopProject } from '../seams/shop-project.js';

t.test('scores ground truth, folders, proposal and random on the same files', async (t) => {
  const evaluation = evaluateProject('shop', shopProject(), shopGroundTruth());
  t.same(
    evaluation.rows.map((r) => r.partition),
    ['ground truth', 'folders', 'proposal', 'random'],
  );
  const [truth, folders, proposal, random] = evaluation.rows;
  t.equal(truth!.mojoFm, 100);
  t.equal(proposal!.mojoFm, 100, 'the shop is easy: the proposal is the ground truth');
  t.equal(random!.services, proposal!.services);
  t.ok(proposal!.sm > folders!.sm);
  t.ok(proposal!.icp < folders!.icp);
});

t.test('files the ground truth does not list are left out of every partition', async (t) => {
  const project = shopProject();
  const truth = shopGroundTruth();
  truth.delete('src/app.ts');
  const evaluation = evaluateProject('shop', project, truth);
  t.equal(evaluation.files, project.files.length - 1);
});

t.test('prints one aligned table with a block per project', async (t) => {
  const text = formatEvaluation([evaluateProject('shop', shopProject(), shopGroundTruth())]);
  const lines = text.trimEnd().split('\n');
  t.match(lines[0], /^project\s+partition\s+services\s+MoJoFM\s+SM ↑\s+ICP ↓\s+IFN ↓\s+NED ↑\s+BCP ↓/);
  t.equal(lines.length, 2 + 4);
  t.match(lines[2], /^shop \(21 files, 8 routes\)\s+ground truth\s+5\s+100\.0 %/);
  t.equal(new Set(lines.map((l) => l.length)).size, 1, 'every line has the same width');
});
