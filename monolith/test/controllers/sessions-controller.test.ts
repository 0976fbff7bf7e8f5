import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call } from '../helpers/http.js';

t.test('logging in returns a bearer token and sets a session cookie', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/sessions', {
    method: 'POST',
    body: { email: 'user1@example.com', password: 'password1' },
  });
  t.equal(reply.status, 201);
  t.match(reply.body, {
    token: /^[0-9a-f]{64}$/,
    expiresAt: String,
    user: { id: 1, email: 'user1@example.com' },
  });
  t.match(reply.headers.get('set-cookie'), new RegExp(`^sid=${reply.body.token}; Path=/; HttpOnly`));
  const current = await call(url, '/api/sessions/current', { token: reply.body.token });
  t.equal(current.status, 200);
  t.equal(current.body.user.id, 1);
});

t.test('logging in with a wrong password or unknown email is a 401; a missing field is a 400', async (t) => {
  const { url } = await startStore(t);
  const wrong = await call(url, '/api/sessions', {
    method: 'POST',
    body: { email: 'user1@example.com', password: 'password2' },
  });
  t.same(wrong.status, 401);
  t.equal(wrong.body.error.code, 'INVALID_CREDENTIALS');
  const unknown = await call(url, '/api/sessions', {
    method: 'POST',
    body: { email: 'nobody@example.com', password: 'password1' },
  });
  t.equal(unknown.status, 401);
  const missing = await call(url, '/api/sessions', { method: 'POST', body: { email: 'user1@example.com' } });
  t.equal(missing.status, 400);
  const notJson = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"email":',
  });
  t.equal(notJson.status, 400);
  t.match(await notJson.json(), { error: { code: 'BAD_REQUEST' } });
});

t.test('logging out ends the session; without one it is a 401', async (t) => {
  const { url } = await startStore(t);
  const login = await call(url, '/api/sessions', {
    method: 'POST',
    body: { email: 'user2@example.com', password: 'password2' },
  });
  const token = login.body.token as string;
  const out = await call(url, '/api/sessions/current', { method: 'DELETE', token });
  t.equal(out.status, 204);
  t.match(out.headers.get('set-cookie'), /Max-Age=0/);
  t.equal((await call(url, '/api/sessions/current', { token })).status, 401);
  t.equal((await call(url, '/api/sessions/current', { method: 'DELETE', token })).status, 401);
  t.equal((await call(url, '/api/sessions/current')).status, 401);
});
