import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser } from '../helpers/http.js';

t.test('every cart route needs a session', async (t) => {
  const { url } = await startStore(t);
  const calls: [string, string, unknown?][] = [
    ['GET', '/api/cart'],
    ['POST', '/api/cart/items', { productId: 1 }],
    ['PATCH', '/api/cart/items/1', { quantity: 1 }],
    ['DELETE', '/api/cart/items/1'],
    ['DELETE', '/api/cart'],
    ['PUT', '/api/cart/promo', { code: 'WELCOME10' }],
    ['DELETE', '/api/cart/promo'],
  ];
  for (const [method, path, body] of calls) {
    const reply = await call(url, path, { method, body });
    t.equal(reply.status, 401, `${method} ${path}`);
    t.equal(reply.body.error.code, 'UNAUTHORIZED');
  }
});

t.test('a new shopper’s cart is empty; adding the same product twice adds up', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 10);
  const empty = await call(url, '/api/cart', { token });
  t.same(empty.body, {
    lines: [],
    itemCount: 0,
    promoCode: null,
    subtotalCents: 0,
    discountCents: 0,
    shippingCents: 0,
    totalCents: 0,
    currency: 'USD',
  });
  const admin = await loginAdmin(url);
  await call(url, '/api/prices/1', { method: 'PUT', token: admin, body: { listPriceCents: 1000 } });
  await call(url, '/api/cart/items', { method: 'POST', token, body: { productId: 1 } });
  const twice = await call(url, '/api/cart/items', {
    method: 'POST',
    token,
    body: { productId: 1, quantity: 2 },
  });
  t.equal(twice.status, 201);
  t.match(twice.body, {
    lines: [{ productId: 1, quantity: 3, unitPriceCents: 1000, lineTotalCents: 3000, name: String }],
    itemCount: 3,
    subtotalCents: 3000,
    shippingCents: 499,
    totalCents: 3499,
  });
  t.same((await call(url, '/api/cart', { token })).body, twice.body);
});

t.test('adding refuses unknown, discontinued, over-limit and out-of-stock products', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 11);
  const admin = await loginAdmin(url);
  const add = (body: unknown): ReturnType<typeof call> =>
    call(url, '/api/cart/items', { method: 'POST', token, body });
  t.equal((await add({ productId: 999999 })).status, 404);
  t.equal((await add({ productId: 0 })).status, 400);
  t.equal((await add({ quantity: 1 })).status, 400);
  t.equal((await add({ productId: 1, quantity: 21 })).body.error.code, 'QUANTITY_LIMIT');
  await call(url, '/api/products/3', { method: 'DELETE', token: admin });
  const discontinued = await add({ productId: 3 });
  t.equal(discontinued.status, 409);
  t.equal(discontinued.body.error.code, 'PRODUCT_DISCONTINUED');
  for (let center = 1; center <= 6; center += 1) {
    await call(url, `/api/inventory/4/centers/${center}`, {
      method: 'PUT',
      token: admin,
      body: { quantity: 0 },
    });
  }
  const soldOut = await add({ productId: 4 });
  t.equal(soldOut.status, 409);
  t.equal(soldOut.body.error.code, 'OUT_OF_STOCK');
});

t.test('changing and removing lines, and clearing the cart', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 12);
  await call(url, '/api/cart/items', { method: 'POST', token, body: { productId: 1 } });
  await call(url, '/api/cart/items', { method: 'POST', token, body: { productId: 2 } });
  const changed = await call(url, '/api/cart/items/2', { method: 'PATCH', token, body: { quantity: 4 } });
  t.equal(changed.status, 200);
  t.equal(changed.body.itemCount, 5);
  t.equal(
    (await call(url, '/api/cart/items/5', { method: 'PATCH', token, body: { quantity: 1 } })).status,
    404,
  );
  t.equal(
    (await call(url, '/api/cart/items/2', { method: 'PATCH', token, body: { quantity: 0 } })).status,
    400,
  );
  const removed = await call(url, '/api/cart/items/1', { method: 'DELETE', token });
  t.match(removed.body, { lines: [{ productId: 2, quantity: 4 }], itemCount: 4 });
  t.equal((await call(url, '/api/cart/items/1', { method: 'DELETE', token })).status, 404);
  t.equal((await call(url, '/api/cart/items/x', { method: 'DELETE', token })).status, 400);
  t.equal((await call(url, '/api/cart', { method: 'DELETE', token })).status, 204);
  t.equal((await call(url, '/api/cart', { token })).body.itemCount, 0);
});

t.test('a promotion code discounts the cart; bad codes are 404 or 409', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 13);
  const admin = await loginAdmin(url);
  await call(url, '/api/prices/1', { method: 'PUT', token: admin, body: { listPriceCents: 1000 } });
  await call(url, '/api/cart/items', { method: 'POST', token, body: { productId: 1, quantity: 2 } });
  const applied = await call(url, '/api/cart/promo', { method: 'PUT', token, body: { code: 'welcome10' } });
  t.equal(applied.status, 200);
  t.match(applied.body, {
    promoCode: 'WELCOME10',
    subtotalCents: 2000,
    discountCents: 200,
    totalCents: 2299,
  });
  t.equal((await call(url, '/api/cart/promo', { method: 'PUT', token, body: { code: 'NOPE' } })).status, 404);
  const tooSmall = await call(url, '/api/cart/promo', { method: 'PUT', token, body: { code: 'BIGSPEND25' } });
  t.equal(tooSmall.status, 409);
  t.equal(
    (await call(url, '/api/cart/promo', { method: 'PUT', token, body: { code: 'INACTIVE5' } })).status,
    409,
  );
  t.equal((await call(url, '/api/cart/promo', { method: 'PUT', token, body: { code: '' } })).status, 400);
  const removed = await call(url, '/api/cart/promo', { method: 'DELETE', token });
  t.match(removed.body, { promoCode: null, discountCents: 0, totalCents: 2499 });
});
