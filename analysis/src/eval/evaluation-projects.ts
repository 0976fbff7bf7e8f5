// The evaluation projects: the sample monolith and the fixture apps, each with its ground truth `domains.json`.
import { fileURLToPath } from 'node:url';

export interface EvaluationProject {
  readonly name: string;
  readonly root: string;
  readonly groundTruth: string;
}

// dist/src/eval/ → the repository and the analysis package's source tree.
const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

export const EVALUATION_PROJECTS: readonly EvaluationProject[] = [
  { name: 'monolith', root: `${repo}monolith`, groundTruth: `${repo}monolith/domains.json` },
  { name: 'nestjs-shop', root: `${fixtures}nestjs-shop`, groundTruth: `${fixtures}nestjs-shop/domains.json` },
  {
    name: 'express-blog',
    root: `${fixtures}express-blog`,
    groundTruth: `${fixtures}express-blog/domains.json`,
  },
];
