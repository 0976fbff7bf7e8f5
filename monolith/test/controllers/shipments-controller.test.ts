import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser, placePaidOrder } from '../helpers/http.js';

t.test('a shipment goes pending → dispatched → delivered, moving its order along', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 40);
  const admin = await loginAdmin(url);
  const { order } = await placePaidOrder(url, token);
  const [shipment] = (await call(url, `/api/orders/${order.id}/shipments`, { token })).body.items;
  t.match(shipment, { orderId: order.id, status: 'pending', trackingNumber: /^TRK/ });
  t.same((await call(url, `/api/shipments/${shipment.id}`, { token })).body, shipment);

  t.equal(
    (await call(url, `/api/shipments/${shipment.id}/deliver`, { method: 'POST', token: admin })).status,
    409,
  );
  const dispatched = await call(url, `/api/shipments/${shipment.id}/dispatch`, {
    method: 'POST',
    token: admin,
  });
  t.match(dispatched.body, { status: 'dispatched', dispatchedAt: String });
  t.equal((await call(url, `/api/orders/${order.id}`, { token })).body.status, 'shipped');
  const twice = await call(url, `/api/shipments/${shipment.id}/dispatch`, { method: 'POST', token: admin });
  t.equal(twice.status, 409);
  t.equal(twice.body.error.code, 'SHIPMENT_STATE');
  const delivered = await call(url, `/api/shipments/${shipment.id}/deliver`, {
    method: 'POST',
    token: admin,
  });
  t.match(delivered.body, { status: 'delivered', deliveredAt: String });
  t.equal((await call(url, `/api/orders/${order.id}`, { token })).body.status, 'delivered');
});

t.test('dispatch and delivery are admin-only; unknown shipments are 404', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 41);
  const admin = await loginAdmin(url);
  for (const action of ['dispatch', 'deliver']) {
    t.equal((await call(url, `/api/shipments/1/${action}`, { method: 'POST' })).status, 401);
    t.equal((await call(url, `/api/shipments/1/${action}`, { method: 'POST', token })).status, 403);
    t.equal(
      (await call(url, `/api/shipments/999999/${action}`, { method: 'POST', token: admin })).status,
      404,
    );
    t.equal((await call(url, `/api/shipments/x/${action}`, { method: 'POST', token: admin })).status, 400);
  }
});

t.test('a shipment and an order’s shipments are for the owner or an admin', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 42);
  const { order } = await placePaidOrder(url, token);
  const [shipment] = (await call(url, `/api/orders/${order.id}/shipments`, { token })).body.items;
  const stranger = await loginUser(url, 43);
  t.equal((await call(url, `/api/shipments/${shipment.id}`, { token: stranger })).status, 403);
  t.equal((await call(url, `/api/shipments/${shipment.id}`, { token: await loginAdmin(url) })).status, 200);
  t.equal((await call(url, `/api/shipments/${shipment.id}`)).status, 401);
  t.equal((await call(url, '/api/shipments/999999', { token })).status, 404);
  t.equal((await call(url, `/api/orders/${order.id}/shipments`, { token: stranger })).status, 403);
  t.equal((await call(url, `/api/orders/${order.id}/shipments`)).status, 401);
  t.equal((await call(url, '/api/orders/999999/shipments', { token })).status, 404);
});

t.test('admins list shipments newest first and filter by status', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const all = await call(url, '/api/shipments?pageSize=5', { token: admin });
  t.ok(all.body.total > 3000);
  const ids = all.body.items.map((s: { id: number }) => s.id);
  t.same(
    ids,
    [...ids].sort((a: number, b: number) => b - a),
  );
  const pending = await call(url, '/api/shipments?status=pending&pageSize=100', { token: admin });
  t.ok(pending.body.items.every((s: { status: string }) => s.status === 'pending'));
  t.equal((await call(url, '/api/shipments?status=lost', { token: admin })).status, 400);
  t.equal((await call(url, '/api/shipments', { token: await loginUser(url, 2) })).status, 403);
  t.equal((await call(url, '/api/shipments')).status, 401);
});
