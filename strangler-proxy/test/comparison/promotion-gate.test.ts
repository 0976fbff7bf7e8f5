// The promotion gate decides on evidence only for writes that send the service more traffic.
import t from 'tap';
import { RouteEvidence } from '../../src/comparison/evidence-book.js';
import type { EvidenceSummary } from '../../src/comparison/evidence-book.js';
import { checkPromotion } from '../../src/comparison/promotion-gate.js';
import type { Stage } from '../../src/flags/route-flag.js';

const gate = { minMatchPercent: 99, minCompared: 500 };
const evidence = (compared: number, matched: number): EvidenceSummary => ({
  ...new RouteEvidence('r').summary(),
  compared,
  matched,
  matchRate: compared === 0 ? null : matched / compared,
});

t.test('which writes the gate applies to', async (t) => {
  const none = evidence(0, 0);
  type At = { stage: Stage; percent: number };
  const cases: [string, At | null, At, boolean][] = [
    ['monolith → canary', { stage: 'monolith', percent: 0 }, { stage: 'canary', percent: 5 }, true],
    ['no flag → service', null, { stage: 'service', percent: 0 }, true],
    ['shadow → canary 0 %', { stage: 'shadow', percent: 0 }, { stage: 'canary', percent: 0 }, false],
    ['canary 5 → 10', { stage: 'canary', percent: 5 }, { stage: 'canary', percent: 10 }, true],
    ['canary 10 → 5', { stage: 'canary', percent: 10 }, { stage: 'canary', percent: 5 }, false],
    ['service → monolith', { stage: 'service', percent: 0 }, { stage: 'monolith', percent: 0 }, false],
    ['monolith → shadow', { stage: 'monolith', percent: 0 }, { stage: 'shadow', percent: 0 }, false],
  ];
  for (const [name, from, to, applies] of cases) {
    const verdict = checkPromotion(from, to, none, gate);
    t.equal(verdict.applies, applies, name);
    t.equal(verdict.passed, !applies, `${name}: passes without evidence only when not applied`);
  }
});

t.test('evidence passes at the threshold and not just below it', async (t) => {
  const to = { stage: 'service' as const, percent: 0 };
  t.same(checkPromotion(null, to, evidence(500, 495), gate).missing, []);
  t.same(checkPromotion(null, to, evidence(500, 494), gate).missing, ['match rate: 98.80 %, 99 % required']);
  t.same(checkPromotion(null, to, evidence(499, 499), gate).missing, [
    'compared requests: 499 of the 500 required',
  ]);
  t.equal(
    checkPromotion(null, to, evidence(1000, 989.99), gate).passed,
    false,
    '98.999 % never rounds up to pass',
  );
});
