import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, login, loginAdmin, loginUser } from '../helpers/http.js';

t.test('sign-up creates an account that can log in, and refuses a taken email', async (t) => {
  const { url } = await startStore(t);
  const body = { email: 'New.Shopper@example.com', password: 'correct-horse', name: 'New Shopper' };
  const created = await call(url, '/api/accounts/signup', { method: 'POST', body });
  t.equal(created.status, 201);
  t.match(created.body, { email: 'new.shopper@example.com', name: 'New Shopper', role: 'customer' });
  t.notOk('passwordHash' in created.body || 'password_hash' in created.body, 'no password hash leaks');
  const token = await login(url, 'new.shopper@example.com', 'correct-horse');
  const me = await call(url, '/api/accounts/me', { token });
  t.equal(me.body.id, created.body.id);

  const again = await call(url, '/api/accounts/signup', { method: 'POST', body });
  t.equal(again.status, 409);
  t.same(again.body.error.code, 'EMAIL_TAKEN');
});

t.test('sign-up rejects a bad email, a short password and unknown fields with 400', async (t) => {
  const { url } = await startStore(t);
  for (const body of [
    { email: 'not-an-email', password: 'long-enough', name: 'X' },
    { email: 'a@example.com', password: 'short', name: 'X' },
    { email: 'a@example.com', password: 'long-enough' },
  ]) {
    const reply = await call(url, '/api/accounts/signup', { method: 'POST', body });
    t.equal(reply.status, 400, JSON.stringify(body));
    t.equal(reply.body.error.code, 'VALIDATION_FAILED');
    t.type(reply.body.error.message, 'string');
  }
});

t.test('the profile needs a session, by bearer token or by cookie', async (t) => {
  const { url } = await startStore(t);
  const anonymous = await call(url, '/api/accounts/me');
  t.equal(anonymous.status, 401);
  t.same(anonymous.body, { error: { code: 'UNAUTHORIZED', message: 'Sign in first.' } });
  t.equal((await call(url, '/api/accounts/me', { token: 'not-a-session' })).status, 401);

  const token = await loginUser(url, 3);
  const byBearer = await call(url, '/api/accounts/me', { token });
  t.match(byBearer.body, { id: 3, email: 'user3@example.com', role: 'customer' });
  const byCookie = await call(url, '/api/accounts/me', { headers: { cookie: `theme=dark; sid=${token}` } });
  t.equal(byCookie.body.id, 3);
});

t.test('a user renames themself; an empty change is a 400', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 4);
  const renamed = await call(url, '/api/accounts/me', {
    method: 'PATCH',
    token,
    body: { name: 'Renamed Four' },
  });
  t.equal(renamed.status, 200);
  t.equal(renamed.body.name, 'Renamed Four');
  t.equal((await call(url, '/api/accounts/me', { method: 'PATCH', token, body: {} })).status, 400);
  t.equal((await call(url, '/api/accounts/me', { method: 'PATCH', body: { name: 'x' } })).status, 401);
});

t.test('changing the password needs the current one and signs out other sessions', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 5);
  const other = await loginUser(url, 5);
  const path = '/api/accounts/me/password';
  const wrong = await call(url, path, {
    method: 'PUT',
    token,
    body: { currentPassword: 'nope', newPassword: 'brand-new-pw' },
  });
  t.equal(wrong.status, 403);
  const ok = await call(url, path, {
    method: 'PUT',
    token,
    body: { currentPassword: 'password5', newPassword: 'brand-new-pw' },
  });
  t.same(ok.body, { signedOutSessions: 1 });
  t.equal((await call(url, '/api/accounts/me', { token: other })).status, 401, 'the other session is gone');
  t.equal((await call(url, '/api/accounts/me', { token })).status, 200, 'this session stays');
  t.ok(await login(url, 'user5@example.com', 'brand-new-pw'));
  const old = await call(url, '/api/sessions', {
    method: 'POST',
    body: { email: 'user5@example.com', password: 'password5' },
  });
  t.equal(old.status, 401);
  t.equal((await call(url, path, { method: 'PUT', token, body: { currentPassword: 'x' } })).status, 400);
  t.equal(
    (await call(url, path, { method: 'PUT', body: { currentPassword: 'a', newPassword: 'bbbbbbbb' } }))
      .status,
    401,
  );
});

t.test('the address book lists, adds and deletes only the user’s own addresses', async (t) => {
  const { url } = await startStore(t);
  const token = await loginUser(url, 6);
  const path = '/api/accounts/me/addresses';
  const listed = await call(url, path, { token });
  t.equal(listed.status, 200);
  t.match(listed.body.items, [{ id: 6, userId: 6 }]);

  const address = { line1: '1 Test Lane', city: 'Testville', postalCode: '12345', country: 'DE' };
  const added = await call(url, path, { method: 'POST', token, body: address });
  t.equal(added.status, 201);
  t.match(added.body, { ...address, userId: 6 });
  t.equal(
    (await call(url, path, { method: 'POST', token, body: { ...address, country: 'Germany' } })).status,
    400,
  );
  t.equal((await call(url, path, { token })).body.items.length, 2);

  t.equal((await call(url, `${path}/${added.body.id}`, { method: 'DELETE', token })).status, 204);
  t.equal((await call(url, `${path}/${added.body.id}`, { method: 'DELETE', token })).status, 404);
  t.equal(
    (await call(url, '/api/accounts/me/addresses/7', { method: 'DELETE', token })).status,
    404,
    "someone else's address",
  );
  t.equal((await call(url, '/api/accounts/me/addresses/abc', { method: 'DELETE', token })).status, 400);
  t.equal((await call(url, path)).status, 401);
  t.equal((await call(url, path, { method: 'POST', body: address })).status, 401);
  t.equal((await call(url, `${path}/6`, { method: 'DELETE' })).status, 401);
});

t.test('admins look up any account; customers get 403', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const customer = await loginUser(url, 8);
  const found = await call(url, '/api/accounts/9', { token: admin });
  t.match(found.body, { id: 9, email: 'user9@example.com' });
  t.equal((await call(url, '/api/accounts/9', { token: customer })).status, 403);
  t.equal((await call(url, '/api/accounts/9')).status, 401);
  t.equal((await call(url, '/api/accounts/99999', { token: admin })).status, 404);
  t.equal((await call(url, '/api/accounts/0', { token: admin })).status, 400);
});
