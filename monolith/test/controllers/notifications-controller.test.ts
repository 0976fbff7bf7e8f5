import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser } from '../helpers/http.js';

t.test('a shopper sees only their own notifications, newest first', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 70);
  const reply = await call(url, '/api/notifications?pageSize=100', { token });
  t.equal(reply.status, 200);
  t.ok(reply.body.total >= 1);
  t.ok(reply.body.items.every((n: { userId: number }) => n.userId === 70));
  t.equal(reply.body.items.at(-1).kind, 'welcome');
  t.equal((await call(url, '/api/notifications')).status, 401);
  t.equal((await call(url, '/api/notifications?pageSize=0', { token })).status, 400);
});

t.test('the outbox is admin-only and filters by status', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const pending = await call(url, '/api/notifications/outbox?status=pending&pageSize=5', { token: admin });
  t.equal(pending.status, 200);
  t.ok(pending.body.total > 0);
  t.match(pending.body.items[0], {
    id: Number,
    kind: String,
    channel: 'email',
    status: 'pending',
    sentAt: null,
  });
  const all = await call(url, '/api/notifications/outbox', { token: admin });
  t.ok(all.body.total > pending.body.total);
  t.equal((await call(url, '/api/notifications/outbox?status=lost', { token: admin })).status, 400);
  t.equal((await call(url, '/api/notifications/outbox', { token: await loginUser(url, 2) })).status, 403);
  t.equal((await call(url, '/api/notifications/outbox')).status, 401);
});

t.test('dispatching one notification marks it sent, once', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const [first] = (await call(url, '/api/notifications/outbox?status=pending&pageSize=1', { token: admin }))
    .body.items;
  const path = `/api/notifications/outbox/${first.id}/dispatch`;
  const sent = await call(url, path, { method: 'POST', token: admin });
  t.match(sent.body, { id: first.id, status: 'sent', sentAt: String });
  const twice = await call(url, path, { method: 'POST', token: admin });
  t.equal(twice.status, 409);
  t.equal(twice.body.error.code, 'ALREADY_SENT');
  t.equal(
    (await call(url, '/api/notifications/outbox/999999/dispatch', { method: 'POST', token: admin })).status,
    404,
  );
  t.equal((await call(url, path, { method: 'POST', token: await loginUser(url, 2) })).status, 403);
  t.equal((await call(url, path, { method: 'POST' })).status, 401);
});

t.test('dispatching a batch sends the oldest pending notifications', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const before = (await call(url, '/api/notifications/outbox?status=pending', { token: admin })).body
    .total as number;
  const batch = await call(url, '/api/notifications/outbox/dispatch', {
    method: 'POST',
    token: admin,
    body: { limit: 10 },
  });
  t.equal(batch.status, 200);
  t.equal(batch.body.sent, 10);
  t.same(
    batch.body.ids,
    [...batch.body.ids].sort((a: number, b: number) => a - b),
  );
  const after = (await call(url, '/api/notifications/outbox?status=pending', { token: admin })).body.total;
  t.equal(after, before - 10);
  const tooMany = await call(url, '/api/notifications/outbox/dispatch', {
    method: 'POST',
    token: admin,
    body: { limit: 100000 },
  });
  t.equal(tooMany.status, 400);
  t.equal((await call(url, '/api/notifications/outbox/dispatch', { method: 'POST', body: {} })).status, 401);
  const bare = await call(url, '/api/notifications/outbox/dispatch', { method: 'POST', token: admin });
  t.equal(bare.status, 200, 'the body is optional');
  t.ok(bare.body.sent > 0);
});
