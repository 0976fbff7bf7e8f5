import t from 'tap';
import Fastify from 'fastify';
import { config } from '../../src/config.js';
import { startStore } from '../helpers/start-store.js';
import { call, loginUser } from '../helpers/http.js';

interface Teardownable {
  teardown(fn: () => unknown): void;
}

// A stand-in reviews service: the store must rank whatever ratings it is given, not its own reviews table.
async function fakeReviewsService(
  t: Teardownable,
  items: { productId: number; count: number; average: number }[],
  status = 200,
): Promise<{ url: string; calls: string[] }> {
  const calls: string[] = [];
  const app = Fastify();
  app.get('/internal/product-ratings', async (request, reply) => {
    calls.push(request.url);
    return reply.code(status).send({ items });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => app.close());
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, calls };
}

function switchOn(t: Teardownable, url: string): void {
  const saved = config.reviewsServiceUrl;
  config.reviewsServiceUrl = url;
  t.teardown(() => {
    config.reviewsServiceUrl = saved;
  });
}

t.test('with REVIEWS_SERVICE_URL set, trending ranks the ratings the reviews service reports', async (t) => {
  const { url } = await startStore(t);
  const service = await fakeReviewsService(t, [
    { productId: 7, count: 5, average: 3.5 },
    { productId: 9, count: 9, average: 4.8 },
    { productId: 8, count: 6, average: 4.8 },
    { productId: 999999, count: 50, average: 5 },
  ]);
  switchOn(t, service.url);
  const reply = await call(url, '/api/recommendations/trending?limit=5');
  t.equal(reply.status, 200);
  t.same(
    reply.body.items.map((r: { productId: number; score: number; reason: string }) => [
      r.productId,
      r.score,
      r.reason,
    ]),
    [
      [9, 4.8, 'top_rated'],
      [8, 4.8, 'top_rated'],
      [7, 3.5, 'top_rated'],
    ],
    'ties broken by review count, products the store does not sell are dropped',
  );
  t.match(reply.body.items[0].name, /\S/, 'names come from the store’s own catalog');
  t.same(service.calls, ['/internal/product-ratings?minReviews=5']);
});

t.test('personal picks read their trending half through the client too', async (t) => {
  const { url } = await startStore(t);
  const service = await fakeReviewsService(t, [{ productId: 3, count: 7, average: 4.9 }]);
  switchOn(t, service.url);
  // User 13 has never ordered, so every pick is a trending one.
  const token = await loginUser(url, 13);
  const reply = await call(url, '/api/recommendations/me?limit=50', { token });
  t.equal(reply.status, 200);
  t.equal(service.calls.length, 1);
  t.same(
    reply.body.items.map((r: { productId: number; reason: string }) => [r.productId, r.reason]),
    [[3, 'top_rated']],
  );
});

t.test(
  'an unreachable or failing reviews service is a 503, never a silent read of the stale table',
  async (t) => {
    const { url } = await startStore(t);
    const failing = await fakeReviewsService(t, [], 500);
    switchOn(t, failing.url);
    const reply = await call(url, '/api/recommendations/trending');
    t.equal(reply.status, 503);
    t.equal(reply.body.error.code, 'UNAVAILABLE');
    config.reviewsServiceUrl = 'http://127.0.0.1:9';
    t.equal((await call(url, '/api/recommendations/trending')).status, 503);
  },
);

t.test('with the switch on, the store refuses review writes: the service is their only writer', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 11);
  switchOn(t, 'http://127.0.0.1:9');
  const body = { rating: 5, title: 'Great', body: 'Really great.' };
  const writes = [
    await call(url, '/api/products/2999/reviews', { method: 'POST', token, body }),
    await call(url, '/api/reviews/1', { method: 'PATCH', token, body: { rating: 1 } }),
    await call(url, '/api/reviews/1', { method: 'DELETE', token }),
    await call(url, '/api/reviews/1/helpful', { method: 'POST', token }),
  ];
  t.same(
    writes.map((r) => [r.status, r.body.error.code]),
    Array.from({ length: 4 }, () => [421, 'REVIEWS_MOVED']),
  );
  t.equal(
    (await call(url, '/api/products/1/reviews')).status,
    200,
    'reads still answer (the proxy’s fallback)',
  );
});

t.test('without the switch the store keeps reading its own reviews table', async (t) => {
  const { url } = await startStore(t);
  t.equal(config.reviewsServiceUrl, null);
  const reply = await call(url, '/api/recommendations/trending?limit=3');
  t.equal(reply.status, 200);
  t.equal(reply.body.items.length, 3);
});
