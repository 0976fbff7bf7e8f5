import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser, placeOrder, placePaidOrder } from '../helpers/http.js';

t.test('the accepted payment methods are public', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/payment-methods');
  t.equal(reply.status, 200);
  t.same(
    reply.body.items.map((m: { id: string }) => m.id),
    ['card', 'gift_card', 'invoice'],
  );
});

t.test('paying by card captures the amount, marks the order paid and opens shipments', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 30);
  const order = await placeOrder(url, token, 1, 2);
  const paid = await call(url, '/api/payments', {
    method: 'POST',
    token,
    body: { orderId: order.id, method: 'card', cardNumber: '4111111111111111' },
  });
  t.equal(paid.status, 201);
  t.match(paid.body, {
    orderId: order.id,
    amountCents: order.totalCents,
    status: 'captured',
    cardLast4: '1111',
  });
  t.equal((await call(url, `/api/orders/${order.id}`, { token })).body.status, 'paid');
  const shipments = await call(url, `/api/orders/${order.id}/shipments`, { token });
  t.match(shipments.body.items, [{ orderId: order.id, status: 'pending', centerId: 1 }]);
  const again = await call(url, '/api/payments', {
    method: 'POST',
    token,
    body: { orderId: order.id, method: 'card', cardNumber: '4111111111111111' },
  });
  t.equal(again.status, 409);
  t.equal(again.body.error.code, 'ORDER_NOT_PAYABLE');
});

t.test('a declined card is a 402 and leaves the order awaiting payment', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 31);
  const order = await placeOrder(url, token);
  const declined = await call(url, '/api/payments', {
    method: 'POST',
    token,
    body: { orderId: order.id, method: 'card', cardNumber: '4111111111110000' },
  });
  t.equal(declined.status, 402);
  t.equal(declined.body.error.code, 'PAYMENT_DECLINED');
  t.equal((await call(url, `/api/orders/${order.id}`, { token })).body.status, 'pending_payment');
  const history = await call(url, `/api/orders/${order.id}/payments`, { token });
  t.match(history.body.items, [{ status: 'declined', cardLast4: '0000' }]);
});

t.test('paying refuses bad input, other people’s orders, and anonymous callers', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 32);
  const order = await placeOrder(url, token);
  const pay = (body: unknown, auth: string | undefined = token): ReturnType<typeof call> =>
    call(url, '/api/payments', { method: 'POST', token: auth, body });
  t.equal((await pay({ orderId: order.id, method: 'bitcoin' })).status, 400);
  t.equal(
    (await pay({ orderId: order.id, method: 'card' })).status,
    400,
    'a card payment needs a card number',
  );
  t.equal((await pay({ orderId: order.id, method: 'card', cardNumber: '12' })).status, 400);
  t.equal((await pay({ orderId: 999999, method: 'invoice' })).status, 404);
  t.equal((await pay({ orderId: order.id, method: 'invoice' }, await loginUser(url, 33))).status, 403);
  const anonymous = await call(url, '/api/payments', {
    method: 'POST',
    body: { orderId: order.id, method: 'invoice' },
  });
  t.equal(anonymous.status, 401);
  const invoice = await pay({ orderId: order.id, method: 'invoice' });
  t.match(invoice.body, { status: 'captured', method: 'invoice', cardLast4: null });
});

t.test('a payment is visible to its payer and admins', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 34);
  const { order, payment } = await placePaidOrder(url, token);
  t.same((await call(url, `/api/payments/${payment.id}`, { token })).body, payment);
  t.equal((await call(url, `/api/payments/${payment.id}`, { token: await loginAdmin(url) })).status, 200);
  t.equal((await call(url, `/api/payments/${payment.id}`, { token: await loginUser(url, 35) })).status, 403);
  t.equal((await call(url, `/api/payments/${payment.id}`)).status, 401);
  t.equal((await call(url, '/api/payments/999999', { token })).status, 404);
  t.equal((await call(url, '/api/payments/x', { token })).status, 400);
  const forOrder = await call(url, `/api/orders/${order.id}/payments`, { token });
  t.same(forOrder.body.items, [payment]);
  t.equal((await call(url, `/api/orders/${order.id}/payments`)).status, 401);
  t.equal((await call(url, '/api/orders/999999/payments', { token })).status, 404);
});

t.test('admins refund a captured payment once; cancelling a paid order refunds it', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 36);
  const admin = await loginAdmin(url);
  const { payment } = await placePaidOrder(url, token);
  t.equal((await call(url, `/api/payments/${payment.id}/refund`, { method: 'POST', token })).status, 403);
  t.equal((await call(url, `/api/payments/${payment.id}/refund`, { method: 'POST' })).status, 401);
  const refunded = await call(url, `/api/payments/${payment.id}/refund`, { method: 'POST', token: admin });
  t.match(refunded.body, { id: payment.id, status: 'refunded', refundedAt: String });
  const twice = await call(url, `/api/payments/${payment.id}/refund`, { method: 'POST', token: admin });
  t.equal(twice.status, 409);
  t.equal((await call(url, '/api/payments/999999/refund', { method: 'POST', token: admin })).status, 404);

  const second = await placePaidOrder(url, token);
  const cancelled = await call(url, `/api/orders/${second.order.id}/cancel`, { method: 'POST', token });
  t.equal(cancelled.body.status, 'cancelled');
  t.equal((await call(url, `/api/payments/${second.payment.id}`, { token })).body.status, 'refunded');
});
