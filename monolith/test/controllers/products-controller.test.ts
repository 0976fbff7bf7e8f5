import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser, PAGE_KEYS } from '../helpers/http.js';

t.test('the product listing pages through active products in a stable order', async (t) => {
  const { url } = await startStore(t);
  const first = await call(url, '/api/products?page=1&pageSize=5');
  t.equal(first.status, 200);
  t.same(Object.keys(first.body).sort(), [...PAGE_KEYS].sort());
  t.match(first.body, { page: 1, pageSize: 5 });
  t.ok(
    first.body.total > 2800 && first.body.total < 3000,
    `about 97% of 3000 are active (${first.body.total})`,
  );
  t.equal(first.body.items.length, 5);
  t.match(first.body.items[0], {
    id: Number,
    sku: /^SKU-/,
    category: { id: Number, name: String },
    active: true,
    price: { listCents: Number, currency: 'USD' },
    inStock: Boolean,
  });
  const names = first.body.items.map((p: { name: string }) => p.name);
  t.same(
    names,
    [...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)),
    'sorted by name',
  );
  const again = await call(url, '/api/products?page=1&pageSize=5');
  t.same(again.body, first.body, 'the same request gives the same bytes');
  const second = await call(url, '/api/products?page=2&pageSize=5');
  t.notSame(second.body.items[0], first.body.items[0]);
  t.equal((await call(url, '/api/products')).body.pageSize, 20, 'default page size');
});

t.test('the listing filters by category (with sub-categories) and brand, and sorts by price', async (t) => {
  const { url } = await startStore(t);
  const kitchen = await call(url, '/api/products?category=1&pageSize=100');
  const ids = new Set(kitchen.body.items.map((p: { category: { id: number } }) => p.category.id));
  t.ok(
    [...ids].every((id) => Number(id) >= 1 && Number(id) <= 5),
    'department 1 and its four children',
  );
  const acme = await call(url, '/api/products?brand=Acme&pageSize=10');
  t.ok(acme.body.items.every((p: { brand: string }) => p.brand === 'Acme'));
  const cheap = await call(url, '/api/products?sort=price_asc&pageSize=10');
  const prices = cheap.body.items.map(
    (p: { price: { listCents: number; saleCents: number | null } }) => p.price.saleCents ?? p.price.listCents,
  );
  t.same(
    prices,
    [...prices].sort((a: number, b: number) => a - b),
  );
  for (const bad of ['page=0', 'pageSize=101', 'pageSize=abc', 'sort=random', 'category=x']) {
    const reply = await call(url, `/api/products?${bad}`);
    t.equal(reply.status, 400, bad);
    t.equal(reply.body.error.code, 'VALIDATION_FAILED');
  }
});

t.test('a product page by id and by slug; unknown ones are 404, malformed ids 400', async (t) => {
  const { url } = await startStore(t);
  const product = await call(url, '/api/products/1');
  t.equal(product.status, 200);
  t.match(product.body, { id: 1, sku: 'SKU-000001', active: true, inStock: true });
  const bySlug = await call(url, `/api/products/by-slug/${product.body.slug}`);
  t.same(bySlug.body, product.body);
  t.equal((await call(url, '/api/products/by-slug/no-such-product')).status, 404);
  t.equal((await call(url, '/api/products/by-slug/NOT_A_SLUG')).status, 400);
  const missing = await call(url, '/api/products/999999');
  t.same(missing.body, { error: { code: 'NOT_FOUND', message: 'Product not found.' } });
  t.equal(missing.status, 404);
  t.equal((await call(url, '/api/products/abc')).status, 400);
});

t.test('admins create, edit and discontinue products; others get 401 or 403', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const customer = await loginUser(url, 2);
  const body = {
    sku: 'NEW-1',
    name: 'Test Teapot',
    description: 'Brews.',
    brand: 'Acme',
    categoryId: 2,
    listPriceCents: 1999,
  };
  t.equal((await call(url, '/api/products', { method: 'POST', body })).status, 401);
  t.equal((await call(url, '/api/products', { method: 'POST', token: customer, body })).status, 403);
  const created = await call(url, '/api/products', { method: 'POST', token: admin, body });
  t.equal(created.status, 201);
  t.match(created.body, { sku: 'NEW-1', price: { listCents: 1999, saleCents: null }, inStock: false });
  const duplicate = await call(url, '/api/products', { method: 'POST', token: admin, body });
  t.equal(duplicate.status, 409);
  t.equal(duplicate.body.error.code, 'SKU_TAKEN');
  const badCategory = await call(url, '/api/products', {
    method: 'POST',
    token: admin,
    body: { ...body, sku: 'NEW-2', categoryId: 999 },
  });
  t.equal(badCategory.status, 404);
  t.equal(
    (await call(url, '/api/products', { method: 'POST', token: admin, body: { sku: 'x' } })).status,
    400,
  );

  const id = created.body.id as number;
  const edited = await call(url, `/api/products/${id}`, {
    method: 'PATCH',
    token: admin,
    body: { name: 'Teapot II' },
  });
  t.equal(edited.body.name, 'Teapot II');
  t.equal((await call(url, `/api/products/${id}`, { method: 'PATCH', token: admin, body: {} })).status, 400);
  t.equal(
    (await call(url, '/api/products/999999', { method: 'PATCH', token: admin, body: { name: 'Zz' } })).status,
    404,
  );
  t.equal(
    (await call(url, `/api/products/${id}`, { method: 'PATCH', token: customer, body: { name: 'Zz' } }))
      .status,
    403,
  );
  t.equal((await call(url, `/api/products/${id}`, { method: 'PATCH', body: { name: 'Zz' } })).status, 401);

  t.equal((await call(url, `/api/products/${id}`, { method: 'DELETE', token: customer })).status, 403);
  t.equal((await call(url, `/api/products/${id}`, { method: 'DELETE' })).status, 401);
  t.equal((await call(url, `/api/products/${id}`, { method: 'DELETE', token: admin })).status, 204);
  t.equal((await call(url, `/api/products/${id}`)).body.active, false);
  t.equal((await call(url, '/api/products/999999', { method: 'DELETE', token: admin })).status, 404);
});
