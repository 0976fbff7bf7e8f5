// The analysis result of the hand-written shop, shared by the report tests.
import { analyzeExtracted } from '../../src/analyze.js';
import type { AnalysisResult } from '../../src/report/analysis-result.js';
import { shopProject } from '../seams/shop-project.js';

export function shopResult(): AnalysisResult {
  return analyzeExtracted(shopProject());
}
