import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser } from '../helpers/http.js';

t.test('availability lists stock in each of the six centers', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/inventory/1');
  t.equal(reply.status, 200);
  t.equal(reply.body.centers.length, 6);
  t.match(reply.body, { productId: 1, inStock: true, totalQuantity: 51 + 52 + 53 + 54 + 55 + 56 });
  t.match(reply.body.centers[0], { centerId: 1, centerCode: 'FC-EAST', quantity: 51 });
  t.equal((await call(url, '/api/inventory/999999')).status, 404);
  t.equal((await call(url, '/api/inventory/0')).status, 400);
});

t.test('admins set a center’s stock and adjust it, never below zero', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const set = await call(url, '/api/inventory/2/centers/3', {
    method: 'PUT',
    token: admin,
    body: { quantity: 7 },
  });
  t.equal(set.status, 200);
  t.equal(set.body.centers[2].quantity, 7);
  const up = await call(url, '/api/inventory/2/adjustments', {
    method: 'POST',
    token: admin,
    body: { centerId: 3, delta: 5 },
  });
  t.equal(up.body.centers[2].quantity, 12);
  const tooFar = await call(url, '/api/inventory/2/adjustments', {
    method: 'POST',
    token: admin,
    body: { centerId: 3, delta: -13 },
  });
  t.equal(tooFar.status, 409);
  t.equal(tooFar.body.error.code, 'INSUFFICIENT_STOCK');
  const zero = await call(url, '/api/inventory/2/adjustments', {
    method: 'POST',
    token: admin,
    body: { centerId: 3, delta: 0 },
  });
  t.equal(zero.status, 400);
  t.equal(
    (await call(url, '/api/inventory/2/centers/99', { method: 'PUT', token: admin, body: { quantity: 1 } }))
      .status,
    404,
  );
  t.equal(
    (
      await call(url, '/api/inventory/999999/adjustments', {
        method: 'POST',
        token: admin,
        body: { centerId: 1, delta: 1 },
      })
    ).status,
    404,
  );
  t.equal(
    (await call(url, '/api/inventory/2/centers/3', { method: 'PUT', token: admin, body: { quantity: -1 } }))
      .status,
    400,
  );
  const customer = await loginUser(url, 2);
  t.equal(
    (await call(url, '/api/inventory/2/centers/3', { method: 'PUT', token: customer, body: { quantity: 1 } }))
      .status,
    403,
  );
  t.equal(
    (await call(url, '/api/inventory/2/centers/3', { method: 'PUT', body: { quantity: 1 } })).status,
    401,
  );
  t.equal(
    (await call(url, '/api/inventory/2/adjustments', { method: 'POST', body: { centerId: 3, delta: 1 } }))
      .status,
    401,
  );
});

t.test('the low-stock report is admin-only and sorted by quantity', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const reply = await call(url, '/api/inventory/low-stock?threshold=0&pageSize=50', { token: admin });
  t.equal(reply.status, 200);
  t.ok(reply.body.total > 0);
  t.ok(reply.body.items.every((r: { quantity: number }) => r.quantity === 0));
  const wider = await call(url, '/api/inventory/low-stock?threshold=3', { token: admin });
  t.ok(wider.body.total > reply.body.total);
  t.equal((await call(url, '/api/inventory/low-stock', { token: await loginUser(url, 2) })).status, 403);
  t.equal((await call(url, '/api/inventory/low-stock')).status, 401);
  t.equal((await call(url, '/api/inventory/low-stock?threshold=-1', { token: admin })).status, 400);
});
