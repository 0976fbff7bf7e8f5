import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser } from '../helpers/http.js';

t.test('a product’s price; unknown product 404, malformed id 400', async (t) => {
  const { url } = await startStore(t);
  const price = await call(url, '/api/prices/1');
  t.equal(price.status, 200);
  t.match(price.body, { productId: 1, listPriceCents: Number, effectivePriceCents: Number, currency: 'USD' });
  t.equal((await call(url, '/api/prices/999999')).status, 404);
  t.equal((await call(url, '/api/prices/x')).status, 400);
});

t.test('admins set list and sale prices; the catalog shows them', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const path = '/api/prices/7';
  const set = await call(url, path, {
    method: 'PUT',
    token: admin,
    body: { listPriceCents: 5000, salePriceCents: 4000 },
  });
  t.same(set.body, {
    productId: 7,
    listPriceCents: 5000,
    salePriceCents: 4000,
    effectivePriceCents: 4000,
    currency: 'USD',
  });
  t.match((await call(url, '/api/products/7')).body.price, { listCents: 5000, saleCents: 4000 });
  const above = await call(url, path, {
    method: 'PUT',
    token: admin,
    body: { listPriceCents: 5000, salePriceCents: 6000 },
  });
  t.equal(above.status, 400);
  t.equal((await call(url, path, { method: 'PUT', token: admin, body: { listPriceCents: -1 } })).status, 400);
  t.equal(
    (await call(url, '/api/prices/999999', { method: 'PUT', token: admin, body: { listPriceCents: 100 } }))
      .status,
    404,
  );
  const customer = await loginUser(url, 2);
  t.equal(
    (await call(url, path, { method: 'PUT', token: customer, body: { listPriceCents: 1 } })).status,
    403,
  );
  t.equal((await call(url, path, { method: 'PUT', body: { listPriceCents: 1 } })).status, 401);
});

t.test('a quote prices lines, applies a promotion and free shipping above the threshold', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  await call(url, '/api/prices/1', { method: 'PUT', token: admin, body: { listPriceCents: 1000 } });
  const small = await call(url, '/api/pricing/quote', {
    method: 'POST',
    body: { items: [{ productId: 1, quantity: 2 }] },
  });
  t.same(small.body, {
    lines: [{ productId: 1, quantity: 2, unitPriceCents: 1000, lineTotalCents: 2000 }],
    subtotalCents: 2000,
    discountCents: 0,
    shippingCents: 499,
    totalCents: 2499,
    promoCode: null,
    currency: 'USD',
  });
  const big = await call(url, '/api/pricing/quote', {
    method: 'POST',
    body: { items: [{ productId: 1, quantity: 10 }], promoCode: 'welcome10' },
  });
  t.match(big.body, {
    subtotalCents: 10000,
    discountCents: 1000,
    shippingCents: 0,
    totalCents: 9000,
    promoCode: 'WELCOME10',
  });
  const expired = await call(url, '/api/pricing/quote', {
    method: 'POST',
    body: { items: [{ productId: 1, quantity: 1 }], promoCode: 'EXPIRED20' },
  });
  t.equal(expired.status, 409);
  t.equal(expired.body.error.code, 'PROMOTION_NOT_APPLICABLE');
  const unknownCode = await call(url, '/api/pricing/quote', {
    method: 'POST',
    body: { items: [{ productId: 1, quantity: 1 }], promoCode: 'NOPE' },
  });
  t.equal(unknownCode.status, 404);
  const unknownProduct = await call(url, '/api/pricing/quote', {
    method: 'POST',
    body: { items: [{ productId: 999999, quantity: 1 }] },
  });
  t.equal(unknownProduct.status, 404);
  t.equal((await call(url, '/api/pricing/quote', { method: 'POST', body: { items: [] } })).status, 400);
  t.equal((await call(url, '/api/pricing/quote', { method: 'POST', body: {} })).status, 400);
});
