import t from 'tap';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config, seededTemplate, startMonolith } from '@ficus/monolith';
import { moveReviewsData } from '../src/data-move/reviews-tables.js';
import { startReviewsService } from '../src/start-reviews-service.js';

interface Item {
  productId: number;
  score: number;
}

// Response bodies are poked into freely here; typing every shape would add nothing the assertions don't.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

t.test(
  'with the switch on, the monolith’s trending reads the running reviews service, not its own table',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'ficus-reviews-acl-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const monolithDb = join(dir, 'monolith.sqlite');
    copyFileSync(seededTemplate(), monolithDb);
    moveReviewsData({ from: monolithDb, to: join(dir, 'reviews.sqlite') });
    const monolith = await startMonolith({ dbPath: monolithDb });
    t.teardown(() => monolith.close());
    const service = await startReviewsService({
      dbPath: join(dir, 'reviews.sqlite'),
      monolithUrl: monolith.url,
    });
    t.teardown(() => service.close());

    const before = (await json(`${monolith.url}/api/recommendations/trending`)).body.items as Item[];
    const top = before[0];
    if (top === undefined) throw new Error('no trending products in the seed');

    // The service becomes the owner: an admin removes the top product's reviews there, and only there.
    const login = await json(`${monolith.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'admin-password' }),
    });
    const auth = { authorization: `Bearer ${login.body.token}` };
    const reviews = await json(`${service.url}/api/products/${top.productId}/reviews?pageSize=100`);
    t.ok((reviews.body.items as unknown[]).length > 0, 'the top product has reviews to remove');
    for (const review of reviews.body.items as { id: number }[]) {
      const deleted = await fetch(`${service.url}/api/reviews/${review.id}`, {
        method: 'DELETE',
        headers: auth,
      });
      t.equal(deleted.status, 204);
    }

    const saved = config.reviewsServiceUrl;
    t.teardown(() => {
      config.reviewsServiceUrl = saved;
    });
    t.same(
      ((await json(`${monolith.url}/api/recommendations/trending`)).body.items as Item[]).map(
        (i) => i.productId,
      ),
      before.map((i) => i.productId),
      'switched off, the monolith still ranks from its own, now stale, table',
    );
    config.reviewsServiceUrl = service.url;
    const after = (await json(`${monolith.url}/api/recommendations/trending`)).body.items as Item[];
    t.notOk(
      after.some((i) => i.productId === top.productId),
      'switched on, the product without reviews in the service is no longer top-rated',
    );
    t.same(
      after.slice(0, before.length - 1).map((i) => [i.productId, i.score]),
      before.slice(1).map((i) => [i.productId, i.score]),
      'the rest of the ranking, scores included, is what the monolith computed itself',
    );

    const write = await json(`${monolith.url}/api/products/2999/reviews`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ rating: 5, title: 'Hi', body: 'There.' }),
    });
    t.same([write.status, write.body.error.code], [421, 'REVIEWS_MOVED'], 'one writer: the monolith refuses');
  },
);
