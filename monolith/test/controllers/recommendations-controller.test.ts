import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser } from '../helpers/http.js';

t.test('recommendations for a product: pins first, then also-bought, never itself', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/recommendations/products/1?limit=8');
  t.equal(reply.status, 200);
  t.ok(reply.body.items.length > 0 && reply.body.items.length <= 8);
  t.ok(reply.body.items.every((r: { productId: number }) => r.productId !== 1));
  t.match(reply.body.items[0], {
    productId: Number,
    name: String,
    score: Number,
    reason: /^(pinned|also_bought)$/,
  });
  t.same((await call(url, '/api/recommendations/products/1?limit=8')).body, reply.body);
  t.equal((await call(url, '/api/recommendations/products/999999')).status, 404);
  t.equal((await call(url, '/api/recommendations/products/1?limit=500')).status, 400);
});

t.test('personal recommendations need a session', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 60);
  const reply = await call(url, '/api/recommendations/me?limit=5', { token });
  t.equal(reply.status, 200);
  t.equal(reply.body.items.length, 5);
  t.equal((await call(url, '/api/recommendations/me')).status, 401);
  t.equal((await call(url, '/api/recommendations/me?limit=0', { token })).status, 400);
});

t.test('trending is the top-rated products with at least five reviews', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/recommendations/trending');
  t.equal(reply.body.items.length, 10, 'the default limit');
  const scores = reply.body.items.map((r: { score: number }) => r.score);
  t.same(
    scores,
    [...scores].sort((a: number, b: number) => b - a),
  );
  t.ok(reply.body.items.every((r: { reason: string }) => r.reason === 'top_rated'));
  t.equal((await call(url, '/api/recommendations/trending?limit=x')).status, 400);
});

t.test('admins pin a product to another', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const body = { recommendedProductId: 77, weight: 1000 };
  const pinned = await call(url, '/api/recommendations/products/5/pins', {
    method: 'PUT',
    token: admin,
    body,
  });
  t.equal(pinned.status, 200);
  t.match(pinned.body.items[0], { productId: 77, score: 1000, reason: 'pinned' });
  t.match((await call(url, '/api/recommendations/products/5')).body.items[0], {
    productId: 77,
    reason: 'pinned',
  });
  const missing = await call(url, '/api/recommendations/products/5/pins', {
    method: 'PUT',
    token: admin,
    body: { recommendedProductId: 999999, weight: 1 },
  });
  t.equal(missing.status, 404);
  t.equal(
    (await call(url, '/api/recommendations/products/5/pins', { method: 'PUT', token: admin, body: {} }))
      .status,
    400,
  );
  const customer = await loginUser(url, 2);
  t.equal(
    (await call(url, '/api/recommendations/products/5/pins', { method: 'PUT', token: customer, body }))
      .status,
    403,
  );
  t.equal((await call(url, '/api/recommendations/products/5/pins', { method: 'PUT', body })).status, 401);
});
