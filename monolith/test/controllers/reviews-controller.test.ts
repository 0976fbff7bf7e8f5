import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser, placePaidOrder } from '../helpers/http.js';

const review = { rating: 4, title: 'Nice', body: 'Does what it says.' };

t.test(
  'a product’s reviews are paginated, newest first, and byte-for-byte stable across stores',
  async (t) => {
    const first = await startStore(t);
    const second = await startStore(t);
    const reply = await call(first.url, '/api/products/1/reviews?pageSize=10');
    t.equal(reply.status, 200);
    t.match(reply.body, { page: 1, pageSize: 10, total: Number });
    t.ok(reply.body.total >= 10, 'popular products have many reviews');
    t.match(reply.body.items[0], {
      id: Number,
      productId: 1,
      author: { id: Number, name: String },
      rating: Number,
      title: String,
      body: String,
      helpfulCount: Number,
      verifiedPurchase: Boolean,
      createdAt: String,
      updatedAt: String,
    });
    const dates = reply.body.items.map((r: { createdAt: string }) => r.createdAt);
    t.same(dates, [...dates].sort().reverse());
    t.same(
      (await call(second.url, '/api/products/1/reviews?pageSize=10')).body,
      reply.body,
      'same seed, same output',
    );
    const byRating = await call(first.url, '/api/products/1/reviews?sort=rating_asc&pageSize=100');
    const ratings = byRating.body.items.map((r: { rating: number }) => r.rating);
    t.same(ratings, [...ratings].sort());
    t.equal((await call(first.url, '/api/products/999999/reviews')).status, 404);
    t.equal((await call(first.url, '/api/products/1/reviews?sort=best')).status, 400);
    t.equal((await call(first.url, '/api/products/x/reviews')).status, 400);
  },
);

t.test('the rating summary counts every review into a histogram', async (t) => {
  const { url } = await startStore(t);
  const summary = await call(url, '/api/products/1/rating');
  t.equal(summary.status, 200);
  const { histogram, count, average } = summary.body;
  t.equal(
    Object.values(histogram as Record<string, number>).reduce((a, b) => a + b, 0),
    count,
  );
  t.equal(count, (await call(url, '/api/products/1/reviews?pageSize=1')).body.total);
  t.ok(average >= 1 && average <= 5);
  t.equal((await call(url, '/api/products/999999/rating')).status, 404);
  t.equal((await call(url, '/api/products/0/rating')).status, 400);
});

t.test('writing a review needs a session, once per product, and marks verified purchases', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 50);
  t.equal((await call(url, '/api/products/90/reviews', { method: 'POST', body: review })).status, 401);
  await placePaidOrder(url, token, 90);
  const created = await call(url, '/api/products/90/reviews', { method: 'POST', token, body: review });
  t.equal(created.status, 201);
  t.match(created.body, {
    productId: 90,
    author: { id: 50 },
    ...review,
    helpfulCount: 0,
    verifiedPurchase: true,
  });
  const twice = await call(url, '/api/products/90/reviews', { method: 'POST', token, body: review });
  t.equal(twice.status, 409);
  t.equal(twice.body.error.code, 'ALREADY_REVIEWED');
  const unbought = await call(url, '/api/products/91/reviews', { method: 'POST', token, body: review });
  t.equal(unbought.body.verifiedPurchase, false);
  const invalid = await call(url, '/api/products/92/reviews', {
    method: 'POST',
    token,
    body: { ...review, rating: 6 },
  });
  t.equal(invalid.status, 400);
  t.equal(
    (await call(url, '/api/products/999999/reviews', { method: 'POST', token, body: review })).status,
    404,
  );
});

t.test('one review by id; unknown 404', async (t) => {
  const { url } = await startStore(t);
  const one = await call(url, '/api/reviews/1');
  t.match(one.body, { id: 1, productId: Number, author: { id: Number } });
  t.equal((await call(url, '/api/reviews/999999')).status, 404);
  t.equal((await call(url, '/api/reviews/x')).status, 400);
});

t.test('only the author edits a review; the author or an admin deletes it', async (t) => {
  const { url } = await startStore(t);
  const author = await loginUser(url, 51);
  const other = await loginUser(url, 52);
  const created = (
    await call(url, '/api/products/93/reviews', { method: 'POST', token: author, body: review })
  ).body;
  const path = `/api/reviews/${created.id}`;
  const edited = await call(url, path, { method: 'PATCH', token: author, body: { rating: 2 } });
  t.match(edited.body, { rating: 2, title: 'Nice' });
  t.equal((await call(url, path, { method: 'PATCH', token: other, body: { rating: 5 } })).status, 403);
  t.equal((await call(url, path, { method: 'PATCH', body: { rating: 5 } })).status, 401);
  t.equal((await call(url, path, { method: 'PATCH', token: author, body: {} })).status, 400);
  t.equal(
    (await call(url, '/api/reviews/999999', { method: 'PATCH', token: author, body: { rating: 1 } })).status,
    404,
  );

  t.equal((await call(url, path, { method: 'DELETE', token: other })).status, 403);
  t.equal((await call(url, path, { method: 'DELETE' })).status, 401);
  t.equal((await call(url, path, { method: 'DELETE', token: author })).status, 204);
  t.equal((await call(url, path)).status, 404);
  t.equal((await call(url, path, { method: 'DELETE', token: author })).status, 404);
  const another = (
    await call(url, '/api/products/94/reviews', { method: 'POST', token: author, body: review })
  ).body;
  t.equal(
    (await call(url, `/api/reviews/${another.id}`, { method: 'DELETE', token: await loginAdmin(url) }))
      .status,
    204,
  );
});

t.test('a helpful vote counts once, never for one’s own review', async (t) => {
  const { url } = await startStore(t);
  const author = await loginUser(url, 53);
  const voter = await loginUser(url, 54);
  const created = (
    await call(url, '/api/products/95/reviews', { method: 'POST', token: author, body: review })
  ).body;
  const path = `/api/reviews/${created.id}/helpful`;
  const voted = await call(url, path, { method: 'POST', token: voter });
  t.equal(voted.status, 200);
  t.equal(voted.body.helpfulCount, 1);
  const again = await call(url, path, { method: 'POST', token: voter });
  t.equal(again.status, 409);
  t.equal(again.body.error.code, 'ALREADY_VOTED');
  t.equal((await call(url, path, { method: 'POST', token: author })).body.error.code, 'OWN_REVIEW');
  t.equal((await call(url, path, { method: 'POST' })).status, 401);
  t.equal((await call(url, '/api/reviews/999999/helpful', { method: 'POST', token: voter })).status, 404);
});

t.test('a user’s reviews are public and paginated', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/users/7/reviews?pageSize=5');
  t.equal(reply.status, 200);
  t.ok(reply.body.total > 0);
  t.ok(reply.body.items.every((r: { author: { id: number } }) => r.author.id === 7));
  t.equal((await call(url, '/api/users/999999/reviews')).status, 404);
  t.equal((await call(url, '/api/users/abc/reviews')).status, 400);
});
