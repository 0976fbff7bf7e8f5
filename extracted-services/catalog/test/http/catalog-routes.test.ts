import t from 'tap';
import { buildApp } from '../../src/build-app.js';
import { openCatalogDb } from '../../src/db/open-catalog-db.js';

// A two-level tree, three products (one discontinued, one unpriced, one out of stock) and their copies of price and stock.
function app(t: { teardown(fn: () => unknown): void }): ReturnType<typeof buildApp> {
  const db = openCatalogDb(':memory:');
  db.exec(`
    INSERT INTO categories VALUES (1, 'Kitchen', 'kitchen', NULL), (2, 'Cutlery', 'kitchen-cutlery', 1);
    INSERT INTO products VALUES
      (1, 'SKU-1', 'Bread Knife', 'bread-knife-sku-1', 'Sharp.', 'Acme', 2, 1, '2026-01-01'),
      (2, 'SKU-2', 'Apple Peeler', 'apple-peeler-sku-2', 'Peels.', 'Acme', 2, 1, '2026-01-02'),
      (3, 'SKU-3', 'Old Pot', 'old-pot-sku-3', 'Gone.', 'Fjord', 1, 0, '2025-01-01');
    INSERT INTO prices VALUES (1, 2500, 1999, 'USD'), (3, 900, NULL, 'USD');
    INSERT INTO stock VALUES (1, 1, 4), (1, 2, 0), (2, 1, 0), (3, 1, 9);
  `);
  const instance = buildApp({ db });
  t.teardown(() => instance.close());
  return instance;
}

t.test('health and readiness answer', async (t) => {
  const server = app(t);
  t.same((await server.inject('/healthz')).json(), { status: 'ok' });
  t.same((await server.inject('/readyz')).json(), { status: 'ready' });
});

t.test(
  'a product page joins its category, its price copy and its stock copy as the monolith does',
  async (t) => {
    const server = app(t);
    t.same((await server.inject('/api/products/1')).json(), {
      id: 1,
      sku: 'SKU-1',
      name: 'Bread Knife',
      slug: 'bread-knife-sku-1',
      description: 'Sharp.',
      brand: 'Acme',
      category: { id: 2, name: 'Cutlery' },
      active: true,
      price: { listCents: 2500, saleCents: 1999, currency: 'USD' },
      inStock: true,
    });
    const unpriced = (await server.inject('/api/products/by-slug/apple-peeler-sku-2')).json();
    t.same([unpriced.price, unpriced.inStock], [null, false]);
    t.equal(
      (await server.inject('/api/products/3')).json().active,
      false,
      'discontinued products still have a page',
    );
    t.same((await server.inject('/api/products/4')).json(), {
      error: { code: 'NOT_FOUND', message: 'Product not found.' },
    });
  },
);

t.test('listings show active products only, sorted and paged', async (t) => {
  const server = app(t);
  const byName = (await server.inject('/api/products')).json();
  t.same([byName.items.map((p: { id: number }) => p.id), byName.total, byName.pageSize], [[2, 1], 2, 20]);
  const department = (await server.inject('/api/categories/1/products?sort=newest&pageSize=1')).json();
  t.same(
    [department.items[0].id, department.total],
    [2, 2],
    'a department lists its sub-categories’ products',
  );
  const bad = (await server.inject('/api/products?sort=cheapest')).json();
  t.equal(bad.error.code, 'VALIDATION_FAILED');
});

t.test('the category tree counts active products and nests children', async (t) => {
  const server = app(t);
  const kitchen = (await server.inject('/api/categories/1')).json();
  t.same(
    [
      kitchen.productCount,
      kitchen.children.map((c: { id: number; productCount: number }) => [c.id, c.productCount]),
    ],
    [0, [[2, 2]]],
  );
  t.equal((await server.inject('/api/categories')).json().items.length, 2);
});

t.test('search matches name, brand or SKU, takes wildcards literally and wants two characters', async (t) => {
  const server = app(t);
  t.equal((await server.inject('/api/search?q=acme')).json().total, 2);
  t.equal((await server.inject('/api/search?q=SKU-1')).json().total, 1);
  t.equal((await server.inject('/api/search?q=%25%25')).json().total, 0);
  t.same((await server.inject('/api/search?q=%20k%20')).json(), {
    error: { code: 'BAD_REQUEST', message: 'Search for at least two characters.' },
  });
  t.equal(
    (await server.inject('/api/search')).json().error.message,
    "querystring must have required property 'q'",
  );
});

t.test('the admin write routes are not served here: they stay with the monolith', async (t) => {
  const server = app(t);
  const reply = await server.inject({ method: 'POST', url: '/api/products', payload: {} });
  t.equal(reply.statusCode, 404);
});
