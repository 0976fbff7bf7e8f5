// The targets of issue 5 on the real evaluation projects. A missed target fails here; it is never loosened to pass
// (the one target not asserted, NED against random, is explained where it would stand).
import t from 'tap';
import { extractProject } from '../../src/extract/extract-project.js';
import { evaluateProject, type EvaluationRow } from '../../src/eval/evaluate-project.js';
import { EVALUATION_PROJECTS } from '../../src/eval/evaluation-projects.js';
import { formatEvaluation } from '../../src/eval/format-evaluation.js';
import { readGroundTruth } from '../../src/eval/ground-truth.js';

const MONOLITH_MOJOFM = 85;

for (const project of EVALUATION_PROJECTS) {
  t.test(`${project.name}: the proposal meets the targets`, async (t) => {
    const evaluation = evaluateProject(
      project.name,
      await extractProject(project.root),
      readGroundTruth(project.groundTruth),
    );
    t.comment(`\n${formatEvaluation([evaluation])}`);
    const row = (name: EvaluationRow['partition']): EvaluationRow =>
      evaluation.rows.find((r) => r.partition === name)!;
    const proposal = row('proposal');
    const folders = row('folders');
    const random = row('random');
    if (project.name === 'monolith') {
      t.ok(
        proposal.mojoFm >= MONOLITH_MOJOFM,
        `MoJoFM ${proposal.mojoFm.toFixed(1)} % ≥ ${MONOLITH_MOJOFM} %`,
      );
    }
    t.ok(proposal.sm > folders.sm, `SM beats folders: ${proposal.sm.toFixed(3)} > ${folders.sm.toFixed(3)}`);
    t.ok(proposal.icp < folders.icp, `ICP beats folders: ${pct(proposal.icp)} < ${pct(folders.icp)}`);
    t.ok(
      proposal.mojoFm > random.mojoFm,
      `MoJoFM beats random: ${proposal.mojoFm.toFixed(1)} > ${random.mojoFm.toFixed(1)}`,
    );
    t.ok(proposal.sm > random.sm, `SM beats random: ${proposal.sm.toFixed(3)} > ${random.sm.toFixed(3)}`);
    t.ok(proposal.icp < random.icp, `ICP beats random: ${pct(proposal.icp)} < ${pct(random.icp)}`);
    t.ok(
      proposal.ifn < random.ifn,
      `IFN beats random: ${proposal.ifn.toFixed(2)} < ${random.ifn.toFixed(2)}`,
    );
    // NED is not asserted against random: it scores only service sizes, and a uniform random partition of N files
    // into K services lands almost every service inside 5–20 files, while true layered domains of 4 files are
    // "extreme" (the monolith's own ground truth scores below random). docs/metrics.md explains; the eval prints it.
    t.comment(`NED (reported, not a target): proposal ${pct(proposal.ned)}, random ${pct(random.ned)}`);
    t.ok(
      (proposal.bcp ?? Infinity) < (random.bcp ?? -Infinity),
      `BCP beats random: ${proposal.bcp} < ${random.bcp}`,
    );
  });
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)} %`;
}
