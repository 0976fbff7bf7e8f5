import t from 'tap';
import Fastify from 'fastify';
import { startMonolith } from '@ficus/monolith';
import { checkReviewsContract } from '../../src/contract/check-reviews-contract.js';
import { compareResponses } from '@ficus/tools/contract-check';
import { anonymous } from '@ficus/tools/contract-check';
import { REVIEWS_ROUTES } from '../../src/contract/reviews-corpus.js';
import { runContract } from '@ficus/tools/contract-check';

t.test('the reviews service answers the whole corpus exactly as the monolith does', async (t) => {
  const result = await checkReviewsContract();
  t.ok(result.requests >= 100, `${result.requests} requests`);
  t.same(result.routes.map((r) => r.route).sort(), [...REVIEWS_ROUTES].sort(), 'every route it takes over');
  t.same(
    result.routes.filter((r) => r.matches !== r.requests),
    [],
    'no route with a mismatch',
  );
  t.ok(result.ok);
});

t.test('the check reports the first difference of a service that drifts from the contract', async (t) => {
  const monolith = await startMonolith();
  t.teardown(() => monolith.close());
  const drifting = Fastify();
  drifting.get('/api/products/:id/rating', async (request) => ({
    productId: Number((request.params as { id: string }).id),
    count: 0,
    average: null,
    histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
  }));
  await drifting.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => drifting.close());
  const address = drifting.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const result = await runContract({
    corpus: [
      {
        route: 'GET /api/products/:id/rating',
        method: 'GET',
        path: '/api/products/1/rating',
        caller: anonymous,
      },
      {
        route: 'GET /api/products/:id/rating',
        method: 'GET',
        path: '/api/products/2999/rating',
        caller: anonymous,
      },
    ],
    monolithUrl: monolith.url,
    serviceUrl: `http://127.0.0.1:${port}`,
    compare: compareResponses,
    login: async () => 'unused',
  });
  t.notOk(result.ok);
  t.equal(result.routes[0]?.requests, 2);
  t.ok((result.routes[0]?.matches ?? 2) < 2);
  t.equal(result.routes[0]?.firstDifference?.path, 'GET /api/products/1/rating');
});
