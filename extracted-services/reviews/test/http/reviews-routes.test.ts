import t from 'tap';
import { buildApp } from '../../src/build-app.js';
import { openReviewsDb } from '../../src/db/open-reviews-db.js';
import { dependencyUnavailable } from '../../src/http/service-error.js';
import type { Credentials, SessionUser, UpstreamApis } from '../../src/upstream/upstream-apis.js';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const ADA: SessionUser = { id: 1, name: 'Ada', role: 'customer' };
const BOB: SessionUser = { id: 2, name: 'Bob', role: 'customer' };
const ROOT: SessionUser = { id: 9, name: 'Root', role: 'admin' };

// Sessions by bearer token, products 1–3, and Ada bought product 2: the monolith's APIs, minus the HTTP.
function fakeUpstream(down = false): UpstreamApis & { productLookups: number[] } {
  const sessions = new Map([
    ['Bearer ada', ADA],
    ['Bearer bob', BOB],
    ['Bearer root', ROOT],
  ]);
  const productLookups: number[] = [];
  return {
    productLookups,
    async currentUser(credentials: Credentials) {
      if (down) throw dependencyUnavailable('The accounts API');
      return sessions.get(credentials.authorization ?? '') ?? null;
    },
    async hasPurchased(credentials: Credentials, productId: number) {
      return credentials.authorization === 'Bearer ada' && productId === 2;
    },
    async productExists(productId: number) {
      productLookups.push(productId);
      return productId >= 1 && productId <= 3;
    },
  };
}

function app(t: Tap, upstream: UpstreamApis = fakeUpstream()): ReturnType<typeof buildApp> {
  const instance = buildApp({ db: openReviewsDb(':memory:'), upstream, now: () => NOW });
  t.teardown(() => instance.close());
  return instance;
}

interface Tap {
  teardown(fn: () => unknown): void;
}

const review = { rating: 5, title: 'Great', body: 'Really great.' };

t.test('health and readiness answer', async (t) => {
  const server = app(t);
  t.same((await server.inject('/healthz')).json(), { status: 'ok' });
  t.same((await server.inject('/readyz')).json(), { status: 'ready' });
});

t.test('writing a review needs a session, checks the product, and stamps the injected clock', async (t) => {
  const upstream = fakeUpstream();
  const server = app(t, upstream);
  const anonymous = await server.inject({ method: 'POST', url: '/api/products/2/reviews', payload: review });
  t.equal(anonymous.statusCode, 401);
  t.same(anonymous.json(), { error: { code: 'UNAUTHORIZED', message: 'Sign in first.' } });

  const missing = await server.inject({
    method: 'POST',
    url: '/api/products/4/reviews',
    payload: review,
    headers: { authorization: 'Bearer ada' },
  });
  t.same(missing.json(), { error: { code: 'NOT_FOUND', message: 'Product not found.' } });

  const created = await server.inject({
    method: 'POST',
    url: '/api/products/2/reviews',
    payload: review,
    headers: { authorization: 'Bearer ada' },
  });
  t.equal(created.statusCode, 201);
  t.same(created.json(), {
    id: 1,
    productId: 2,
    author: { id: 1, name: 'Ada' },
    rating: 5,
    title: 'Great',
    body: 'Really great.',
    helpfulCount: 0,
    verifiedPurchase: true,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  });
  const again = await server.inject({
    method: 'POST',
    url: '/api/products/2/reviews',
    payload: review,
    headers: { authorization: 'Bearer ada' },
  });
  t.equal(again.statusCode, 409);
  t.equal(again.json().error.code, 'ALREADY_REVIEWED');
  t.same(upstream.productLookups, [4, 2], 'a product found once is remembered, not looked up again');
});

t.test('validation failures have the monolith’s 400 shape', async (t) => {
  const server = app(t);
  const reply = await server.inject({
    method: 'POST',
    url: '/api/products/2/reviews',
    payload: { ...review, rating: 6 },
    headers: { authorization: 'Bearer ada' },
  });
  t.equal(reply.statusCode, 400);
  t.same(reply.json(), { error: { code: 'VALIDATION_FAILED', message: 'body/rating must be <= 5' } });
  const badId = await server.inject('/api/products/abc/reviews');
  t.same(badId.json(), { error: { code: 'VALIDATION_FAILED', message: 'params/id must be integer' } });
  const noRoute = await server.inject('/api/nothing');
  t.same(noRoute.json(), { error: { code: 'NOT_FOUND', message: 'No route for GET /api/nothing.' } });
});

t.test('votes, edits and deletes follow the monolith’s ownership rules', async (t) => {
  const server = app(t);
  const as = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
  await server.inject({
    method: 'POST',
    url: '/api/products/1/reviews',
    payload: review,
    headers: as('ada'),
  });

  const own = await server.inject({ method: 'POST', url: '/api/reviews/1/helpful', headers: as('ada') });
  t.equal(own.json().error.code, 'OWN_REVIEW');
  const voted = await server.inject({ method: 'POST', url: '/api/reviews/1/helpful', headers: as('bob') });
  t.equal(voted.json().helpfulCount, 1);
  const twice = await server.inject({ method: 'POST', url: '/api/reviews/1/helpful', headers: as('bob') });
  t.equal(twice.json().error.code, 'ALREADY_VOTED');

  const foreignEdit = await server.inject({
    method: 'PATCH',
    url: '/api/reviews/1',
    payload: { rating: 1 },
    headers: as('bob'),
  });
  t.equal(foreignEdit.statusCode, 403);
  const edit = await server.inject({
    method: 'PATCH',
    url: '/api/reviews/1',
    payload: { rating: 3 },
    headers: as('ada'),
  });
  t.equal(edit.json().rating, 3);

  t.equal(
    (await server.inject({ method: 'DELETE', url: '/api/reviews/1', headers: as('bob') })).statusCode,
    403,
  );
  t.equal(
    (await server.inject({ method: 'DELETE', url: '/api/reviews/1', headers: as('root') })).statusCode,
    204,
  );
  t.equal((await server.inject('/api/reviews/1')).statusCode, 404);
});

t.test('rating summaries and a user’s reviews', async (t) => {
  const server = app(t);
  await server.inject({
    method: 'POST',
    url: '/api/products/3/reviews',
    payload: { ...review, rating: 4 },
    headers: { authorization: 'Bearer ada' },
  });
  await server.inject({
    method: 'POST',
    url: '/api/products/3/reviews',
    payload: { ...review, rating: 1 },
    headers: { authorization: 'Bearer bob' },
  });
  t.same((await server.inject('/api/products/3/rating')).json(), {
    productId: 3,
    count: 2,
    average: 2.5,
    histogram: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 0 },
  });
  t.same((await server.inject('/api/products/1/rating')).json().average, null);
  const bobs = (await server.inject('/api/users/2/reviews?pageSize=1')).json();
  t.same([bobs.total, bobs.page, bobs.pageSize, bobs.items[0].author.name], [1, 1, 1, 'Bob']);
  t.equal((await server.inject('/api/users/77/reviews')).statusCode, 404, 'a user never seen is unknown');
  t.same((await server.inject('/internal/product-ratings?minReviews=2')).json(), {
    items: [{ productId: 3, count: 2, average: 2.5 }],
  });
});

t.test('a dependency that is down is a 503, not a 500 or a wrong 401', async (t) => {
  const server = app(t, fakeUpstream(true));
  const reply = await server.inject({
    method: 'POST',
    url: '/api/products/1/reviews',
    payload: review,
    headers: { authorization: 'Bearer ada' },
  });
  t.equal(reply.statusCode, 503);
  t.equal(reply.json().error.code, 'UNAVAILABLE');
});
