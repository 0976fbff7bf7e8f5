import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser, placeOrder } from '../helpers/http.js';

t.test('checkout turns the cart into an order, takes stock and empties the cart', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 20);
  const before = (await call(url, '/api/inventory/1')).body.centers[0].quantity as number;
  await call(url, '/api/cart/items', { method: 'POST', token, body: { productId: 1, quantity: 2 } });
  await call(url, '/api/cart/promo', { method: 'PUT', token, body: { code: 'WELCOME10' } });
  const order = await call(url, '/api/orders', { method: 'POST', token, body: { addressId: 20 } });
  t.equal(order.status, 201);
  t.match(order.body, {
    userId: 20,
    status: 'pending_payment',
    promoCode: 'WELCOME10',
    addressId: 20,
    items: [{ productId: 1, quantity: 2, centerId: 1, productName: String }],
  });
  t.equal(
    order.body.totalCents,
    order.body.subtotalCents - order.body.discountCents + order.body.shippingCents,
  );
  t.equal((await call(url, '/api/inventory/1')).body.centers[0].quantity, before - 2);
  t.equal((await call(url, '/api/cart', { token })).body.itemCount, 0);
  const notifications = await call(url, '/api/notifications', { token });
  t.match(notifications.body.items[0], { kind: 'order_placed', payload: { orderId: order.body.id } });
});

t.test('checkout refuses an empty cart, a foreign address, and needs a session', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 21);
  const empty = await call(url, '/api/orders', { method: 'POST', token });
  t.equal(empty.status, 409);
  t.equal(empty.body.error.code, 'CART_EMPTY');
  await call(url, '/api/cart/items', { method: 'POST', token, body: { productId: 1 } });
  t.equal((await call(url, '/api/orders', { method: 'POST', token, body: { addressId: 22 } })).status, 400);
  t.equal((await call(url, '/api/orders', { method: 'POST', token, body: { addressId: 'x' } })).status, 400);
  t.equal((await call(url, '/api/orders', { method: 'POST', body: {} })).status, 401);
});

t.test('order history is the user’s own, newest first, paginated', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 23);
  const before = await call(url, '/api/orders?pageSize=100', { token });
  t.equal(before.status, 200);
  const placed = await placeOrder(url, token, 2);
  const after = await call(url, '/api/orders?pageSize=5', { token });
  t.equal(after.body.total, before.body.total + 1);
  t.match(after.body.items[0], {
    id: placed.id,
    status: 'pending_payment',
    itemCount: 1,
    productNames: [String],
  });
  t.equal((await call(url, '/api/orders?page=0', { token })).status, 400);
  t.equal((await call(url, '/api/orders')).status, 401);
});

t.test('an order page is for its owner or an admin', async (t) => {
  const { url } = await startStore(t);
  const owner = await loginUser(url, 24);
  const order = await placeOrder(url, owner);
  t.equal((await call(url, `/api/orders/${order.id}`, { token: owner })).body.id, order.id);
  t.equal((await call(url, `/api/orders/${order.id}`, { token: await loginAdmin(url) })).status, 200);
  t.equal((await call(url, `/api/orders/${order.id}`, { token: await loginUser(url, 25) })).status, 403);
  t.equal((await call(url, `/api/orders/${order.id}`)).status, 401);
  t.equal((await call(url, '/api/orders/999999', { token: owner })).status, 404);
  t.equal((await call(url, '/api/orders/abc', { token: owner })).status, 400);
});

t.test('cancelling returns stock; cancelling twice is a 409', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 26);
  const before = (await call(url, '/api/inventory/1')).body.totalQuantity as number;
  const order = await placeOrder(url, token, 1, 3);
  const cancelled = await call(url, `/api/orders/${order.id}/cancel`, { method: 'POST', token });
  t.equal(cancelled.status, 200);
  t.equal(cancelled.body.status, 'cancelled');
  t.equal((await call(url, '/api/inventory/1')).body.totalQuantity, before);
  const again = await call(url, `/api/orders/${order.id}/cancel`, { method: 'POST', token });
  t.equal(again.status, 409);
  t.equal(again.body.error.code, 'ORDER_NOT_CANCELLABLE');
  t.equal((await call(url, '/api/orders/999999/cancel', { method: 'POST', token })).status, 404);
  t.equal((await call(url, `/api/orders/${order.id}/cancel`, { method: 'POST' })).status, 401);
  t.equal(
    (await call(url, `/api/orders/${order.id}/cancel`, { method: 'POST', token: await loginUser(url, 27) }))
      .status,
    403,
  );
});

t.test('admins list every order and filter by status', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const all = await call(url, '/api/admin/orders?pageSize=10', { token: admin });
  t.equal(all.body.total, 2000);
  const delivered = await call(url, '/api/admin/orders?status=delivered&pageSize=100', { token: admin });
  t.ok(delivered.body.total > 0 && delivered.body.total < 2000);
  t.ok(delivered.body.items.every((o: { status: string }) => o.status === 'delivered'));
  t.equal((await call(url, '/api/admin/orders?status=lost', { token: admin })).status, 400);
  t.equal((await call(url, '/api/admin/orders', { token: await loginUser(url, 2) })).status, 403);
  t.equal((await call(url, '/api/admin/orders')).status, 401);
});
