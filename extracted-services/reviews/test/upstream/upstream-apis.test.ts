import t from 'tap';
import { startMonolith } from '@ficus/monolith';
import { ServiceError } from '../../src/http/service-error.js';
import { httpUpstreamApis } from '../../src/upstream/upstream-apis.js';

async function logIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await response.json()) as { token: string }).token;
}

t.test('against the monolith’s public APIs: sessions, purchases and products', async (t) => {
  const monolith = await startMonolith();
  t.teardown(() => monolith.close());
  const apis = httpUpstreamApis({ accountsUrl: monolith.url, catalogUrl: monolith.url });
  const token = await logIn(monolith.url, 'user7@example.com', 'password7');
  const admin = await logIn(monolith.url, 'admin@example.com', 'admin-password');

  t.match(await apis.currentUser({ authorization: `Bearer ${token}` }), {
    id: 7,
    role: 'customer',
    name: String,
  });
  t.match(
    await apis.currentUser({ cookie: `theme=dark; sid=${token}` }),
    { id: 7 },
    'the session cookie works too',
  );
  t.match(await apis.currentUser({ authorization: `Bearer ${admin}` }), { id: 401, role: 'admin' });
  t.equal(await apis.currentUser({ authorization: 'Bearer not-a-session' }), null);
  t.equal(await apis.currentUser({}), null);

  // Buy product 1 and pay: only then is it a purchase; an unpaid order is not.
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  t.equal(await apis.hasPurchased({ authorization: auth.authorization }, 1), false);
  await fetch(`${monolith.url}/api/cart/items`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ productId: 1, quantity: 1 }),
  });
  const order = (await (
    await fetch(`${monolith.url}/api/orders`, { method: 'POST', headers: auth, body: '{}' })
  ).json()) as {
    id: number;
  };
  t.equal(await apis.hasPurchased({ authorization: auth.authorization }, 1), false, 'pending payment');
  const paid = await fetch(`${monolith.url}/api/payments`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ orderId: order.id, method: 'card', cardNumber: '4111111111111111' }),
  });
  t.equal(paid.status, 201);
  t.equal(await apis.hasPurchased({ authorization: auth.authorization }, 1), true);
  t.equal(await apis.hasPurchased({ authorization: auth.authorization }, 2999), false);

  t.equal(await apis.productExists(1), true);
  t.equal(await apis.productExists(999999), false);
});

t.test('an API that cannot be reached is a 503 UNAVAILABLE', async (t) => {
  const apis = httpUpstreamApis({ accountsUrl: 'http://127.0.0.1:9', catalogUrl: 'http://127.0.0.1:9' });
  const rejected = await apis.productExists(1).then(
    () => null,
    (error: unknown) => error,
  );
  t.ok(rejected instanceof ServiceError);
  t.match(rejected, { statusCode: 503, code: 'UNAVAILABLE' });
  await t.rejects(
    apis.currentUser({ authorization: 'Bearer x' }),
    new ServiceError(503, 'UNAVAILABLE', 'The accounts API is unavailable; try again.'),
  );
});
