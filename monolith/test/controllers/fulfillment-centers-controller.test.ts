import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call } from '../helpers/http.js';

t.test('the six fulfillment centers, in id order', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/fulfillment-centers');
  t.equal(reply.status, 200);
  t.same(
    reply.body.items.map((c: { code: string }) => c.code),
    ['FC-EAST', 'FC-WEST', 'FC-CENTRAL', 'FC-NORTH', 'FC-EU', 'FC-UK'],
  );
});

t.test('one center; unknown is 404, malformed 400', async (t) => {
  const { url } = await startStore(t);
  t.same((await call(url, '/api/fulfillment-centers/5')).body, {
    id: 5,
    code: 'FC-EU',
    name: 'European Hub',
    city: 'Venlo',
    country: 'NL',
  });
  t.equal((await call(url, '/api/fulfillment-centers/99')).status, 404);
  t.equal((await call(url, '/api/fulfillment-centers/east')).status, 400);
});

t.test('a center’s stock is paginated over every product', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/fulfillment-centers/2/stock?pageSize=3');
  t.match(reply.body, { page: 1, pageSize: 3, total: 3000 });
  t.same(reply.body.items[0], {
    productId: 1,
    sku: 'SKU-000001',
    name: reply.body.items[0].name,
    quantity: 52,
  });
  t.equal((await call(url, '/api/fulfillment-centers/99/stock')).status, 404);
  t.equal((await call(url, '/api/fulfillment-centers/2/stock?pageSize=1000')).status, 400);
});
