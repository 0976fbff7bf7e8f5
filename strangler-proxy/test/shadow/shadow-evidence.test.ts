// The proxy's view of the worker's evidence: skips merged in, and a reset never undone by a snapshot sent before it.
import t from 'tap';
import { DEFAULT_EVIDENCE_LIMITS, RouteEvidence } from '../../src/comparison/evidence-book.js';
import type { EvidenceSummary } from '../../src/comparison/evidence-book.js';
import { ShadowEvidence } from '../../src/shadow/shadow-evidence.js';

const summaryWith = (routeId: string, compared: number): EvidenceSummary => ({
  ...new RouteEvidence(routeId).summary(),
  compared,
});

t.test('skips counted here are merged into the worker snapshot', async (t) => {
  const view = new ShadowEvidence(DEFAULT_EVIDENCE_LIMITS, () => true);
  t.equal(view.summary('r').compared, 0, 'a route never seen has an empty summary');
  view.apply([{ ...summaryWith('r', 3), skipped: { 'in-flight-cap': 1 } }]);
  view.skip('r', 'in-flight-cap');
  view.skip('r', 'proxy-busy');
  t.match(view.summary('r'), { compared: 3, skipped: { 'in-flight-cap': 2, 'proxy-busy': 1 } });
  t.same([...view.routeIds()], ['r']);
});

t.test('after a reset, snapshots older than the worker answer are ignored', async (t) => {
  const asked: string[] = [];
  const view = new ShadowEvidence(DEFAULT_EVIDENCE_LIMITS, (routeId) => {
    asked.push(routeId);
    return true;
  });
  view.apply([summaryWith('r', 10), summaryWith('other', 5)]);
  view.reset('r');
  t.same(asked, ['r'], 'the worker is told');
  t.equal(view.summary('r').compared, 0, 'cleared at once');
  view.apply([summaryWith('r', 11), summaryWith('other', 6)]);
  t.equal(
    view.summary('r').compared,
    0,
    'a snapshot sent before the reset does not bring the old evidence back',
  );
  t.equal(view.summary('other').compared, 6, 'other routes are not held back');
  view.apply([summaryWith('r', 0)], 'r');
  view.apply([summaryWith('r', 1)]);
  t.equal(view.summary('r').compared, 1, 'after the worker answered the reset, its snapshots count again');
});

t.test('a reset with no worker running waits for nothing', async (t) => {
  const view = new ShadowEvidence(DEFAULT_EVIDENCE_LIMITS, () => false);
  view.reset('r');
  view.apply([summaryWith('r', 2)]);
  t.equal(view.summary('r').compared, 2);
});
