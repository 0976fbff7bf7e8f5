import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call } from '../helpers/http.js';

t.test('search finds products by name, brand or SKU, paginated and stable', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/search?q=kettle&pageSize=10');
  t.equal(reply.status, 200);
  t.ok(reply.body.total > 0);
  t.ok(reply.body.items.every((p: { name: string }) => /kettle/i.test(p.name)));
  t.same((await call(url, '/api/search?q=kettle&pageSize=10')).body, reply.body);
  const sku = await call(url, '/api/search?q=SKU-000042');
  t.equal(sku.body.items[0].id, 42);
  const none = await call(url, '/api/search?q=zzzzzz');
  t.same(none.body, { items: [], page: 1, pageSize: 20, total: 0 });
  const wildcard = await call(url, '/api/search?q=%25%25');
  t.equal(wildcard.body.total, 0, 'LIKE wildcards are searched literally');
});

t.test('search without q, or with one character, is a 400', async (t) => {
  const { url } = await startStore(t);
  t.equal((await call(url, '/api/search')).status, 400);
  const short = await call(url, '/api/search?q=a');
  t.equal(short.status, 400);
  t.equal(short.body.error.code, 'BAD_REQUEST');
});
