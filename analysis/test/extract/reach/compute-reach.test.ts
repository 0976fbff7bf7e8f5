// A route's reach and tables follow its own handler, not every dependency of the file the handler sits in.
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { extractProject } from '../../../src/extract/extract-project.js';
import type { ExtractedProject, ExtractedRoute } from '../../../src/extract/extracted-project.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));

function route(project: ExtractedProject, key: string): ExtractedRoute {
  const found = project.routes.find((r) => `${r.method} ${r.path}` === key);
  if (!found) throw new Error(`no route ${key}`);
  return found;
}

t.test('fastify handlers reach only what they call, through imports and injected services', async (t) => {
  const project = await extractProject(`${FIXTURES}fastify-plugins`);
  t.same(route(project, 'GET /api/products/:id').reach, [
    'src/handlers/products.ts',
    'src/lib/db.ts',
    'src/services/pricing.ts',
  ]);
  t.same(route(project, 'GET /api/products/:id').tables, { read: ['prices', 'products'], write: [] });
  t.same(route(project, 'PUT /api/products/:id').tables, { read: [], write: ['products'] });
  // Two handlers of one controller class, each through its own service method.
  t.same(route(project, 'GET /api/products/:id/reviews').tables, { read: ['reviews', 'users'], write: [] });
  t.same(route(project, 'POST /api/products/:id/reviews').tables, { read: [], write: ['reviews'] });
  t.same(route(project, 'GET /healthz').reach, ['src/app.ts']);
});

t.test('NestJS handlers reach through constructor injection by type, method by method', async (t) => {
  const project = await extractProject(`${FIXTURES}nestjs-shop`);
  const place = route(project, 'POST /api/orders');
  t.same(place.reach, [
    'src/catalog/product.entity.ts',
    'src/catalog/products.service.ts',
    'src/customers/customer.entity.ts',
    'src/customers/customers.service.ts',
    'src/orders/order.entity.ts',
    'src/orders/orders.controller.ts',
    'src/orders/orders.service.ts',
    'src/orders/payments.gateway.ts',
    'src/shared/config.service.ts',
    'src/shared/logger.service.ts',
  ]);
  t.same(place.tables, { read: ['customers', 'products'], write: ['orders', 'payments', 'products'] });
  t.same(route(project, 'GET /api/orders/:id').tables, { read: ['orders'], write: [] });
  t.same(route(project, 'POST /api/orders/:id/cancel').tables, { read: [], write: ['orders', 'payments'] });
  t.same(route(project, 'GET /api/customers/:id/addresses').tables, {
    read: ['customer_address'],
    write: [],
  });
});

t.test('express handlers reach through object-literal controllers and class routers', async (t) => {
  const project = await extractProject(`${FIXTURES}express-blog`);
  t.same(route(project, 'GET /api/posts/:slug').tables, {
    read: ['post_tags', 'posts', 'tags', 'users'],
    write: [],
  });
  t.ok(
    route(project, 'GET /api/posts/:slug').reach.includes('src/repositories/users-repository.ts'),
    'a cross-domain call',
  );
  t.same(route(project, 'GET /api/users/:id').tables, { read: ['users'], write: [] });
  t.same(route(project, 'POST /api/media').tables, { read: [], write: ['uploads'] });
  t.same(route(project, 'POST /api/posts/:postId/comments').tables, {
    read: ['posts', 'users'],
    write: ['comments'],
  });
});
