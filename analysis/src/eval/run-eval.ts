// `npm run eval -w analysis`: prints the evaluation table for every evaluation project.
import { extractProject } from '../extract/extract-project.js';
import { evaluateProject, type ProjectEvaluation } from './evaluate-project.js';
import { EVALUATION_PROJECTS } from './evaluation-projects.js';
import { formatEvaluation } from './format-evaluation.js';
import { readGroundTruth } from './ground-truth.js';

const evaluations: ProjectEvaluation[] = [];
let failed = false;
for (const project of EVALUATION_PROJECTS) {
  process.stderr.write(`eval: ${project.name}\n`);
  try {
    const extracted = await extractProject(project.root);
    evaluations.push(evaluateProject(project.name, extracted, readGroundTruth(project.groundTruth)));
  } catch (error) {
    failed = true;
    process.stderr.write(`eval: ${project.name} failed: ${(error as Error).message}\n`);
  }
}
process.stdout.write(formatEvaluation(evaluations));
process.exitCode = failed ? 1 : 0;
