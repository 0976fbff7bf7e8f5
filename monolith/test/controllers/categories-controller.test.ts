import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call } from '../helpers/http.js';

t.test('the category tree lists 40 categories: 8 departments with 4 children each', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/categories');
  t.equal(reply.status, 200);
  t.equal(reply.body.items.length, 40);
  t.equal(reply.body.items.filter((c: { parentId: number | null }) => c.parentId === null).length, 8);
  t.match(reply.body.items[0], {
    id: 1,
    name: 'Kitchen',
    slug: 'kitchen',
    parentId: null,
    productCount: Number,
  });
});

t.test('a category shows its children; unknown is 404, malformed 400', async (t) => {
  const { url } = await startStore(t);
  const kitchen = await call(url, '/api/categories/1');
  t.match(kitchen.body, { id: 1, name: 'Kitchen', children: [{ id: 2, parentId: 1 }, {}, {}, {}] });
  t.equal((await call(url, '/api/categories/999')).status, 404);
  t.equal((await call(url, '/api/categories/kitchen')).status, 400);
});

t.test('a category’s products include its sub-categories and are paginated', async (t) => {
  const { url } = await startStore(t);
  const reply = await call(url, '/api/categories/1/products?pageSize=3&page=2');
  t.match(reply.body, { page: 2, pageSize: 3, total: Number });
  t.equal(reply.body.items.length, 3);
  const all = await call(url, '/api/products?category=1&pageSize=1');
  t.equal(reply.body.total, all.body.total);
  t.equal((await call(url, '/api/categories/999/products')).status, 404);
  t.equal((await call(url, '/api/categories/1/products?pageSize=0')).status, 400);
});
