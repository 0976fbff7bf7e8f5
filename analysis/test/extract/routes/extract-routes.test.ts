// Routes of each supported style, with full prefixes and the handler that serves them.
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { extractProject } from '../../../src/extract/extract-project.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));

async function routesOf(fixture: string): Promise<string[]> {
  const project = await extractProject(`${FIXTURES}${fixture}`);
  return project.routes.map(
    (r) => `${r.method} ${r.path} ${r.framework} ${r.handler.file}:${r.handler.symbol}`,
  );
}

t.test(
  'fastify: shorthand, route options, nested register prefixes, routers passed to methods, all handler kinds',
  async (t) => {
    t.same(await routesOf('fastify-plugins'), [
      'DELETE /api/admin/v1/cache fastify src/lib/cache.ts:clearCache',
      'GET /api/orders/:id fastify src/routes/orders.ts:OrderRoutes.show',
      'GET /api/products fastify src/handlers/products.ts:listProducts',
      'GET /api/products/:id fastify src/handlers/products.ts:getProduct',
      'PATCH /api/products/:id fastify src/handlers/products.ts:updateProduct',
      'PUT /api/products/:id fastify src/handlers/products.ts:updateProduct',
      'GET /api/products/:id/reviews fastify src/handlers/reviews.ts:ReviewsController.listReviews',
      'POST /api/products/:id/reviews fastify src/handlers/reviews.ts:ReviewsController.addReview',
      'GET /healthz fastify src/app.ts:(inline@6)',
    ]);
  },
);

t.test(
  'express: Router() and express.Router() mounted with use across files, route() chains, factories, class routers',
  async (t) => {
    t.same(await routesOf('express-blog'), [
      'POST /api/auth/login express src/routes/auth-router.ts:(inline@9)',
      'POST /api/auth/logout express src/routes/auth-router.ts:(inline@17)',
      'POST /api/auth/register express src/routes/auth-router.ts:(inline@13)',
      'DELETE /api/comments/:id express src/routes/comments-router.ts:(inline@15)',
      'GET /api/media express src/routes/media-router.ts:MediaController.list',
      'POST /api/media express src/routes/media-router.ts:MediaController.upload',
      'GET /api/media/:id express src/routes/media-router.ts:MediaController.show',
      'GET /api/posts express src/controllers/posts-controller.ts:postsController.list',
      'POST /api/posts express src/controllers/posts-controller.ts:postsController.create',
      'DELETE /api/posts/:id express src/controllers/posts-controller.ts:postsController.destroy',
      'PUT /api/posts/:id express src/controllers/posts-controller.ts:postsController.update',
      'GET /api/posts/:id/tags express src/controllers/posts-controller.ts:postsController.tags',
      'PUT /api/posts/:id/tags express src/controllers/posts-controller.ts:postsController.replaceTags',
      'GET /api/posts/:postId/comments express src/routes/comments-router.ts:(inline@9)',
      'POST /api/posts/:postId/comments express src/routes/comments-router.ts:(inline@13)',
      'GET /api/posts/:slug express src/controllers/posts-controller.ts:postsController.show',
      'GET /api/posts/feed express src/controllers/posts-controller.ts:postsController.feed',
      'GET /api/users express src/routes/users-router.ts:(inline@10)',
      'GET /api/users/:id express src/routes/users-router.ts:(inline@13)',
      'PATCH /api/users/:id express src/routes/users-router.ts:(inline@19)',
      'GET /health express src/app.ts:(inline@16)',
    ]);
  },
);

t.test(
  'express in CommonJS JavaScript without a tsconfig: require()d routers and module.exports',
  async (t) => {
    t.same(await routesOf('express-commonjs'), [
      'POST /orders express routes/orders.js:createOrder',
      'GET /users express routes/users.js:(inline@4)',
    ]);
  },
);

t.test('koa-router: router prefixes, nested use with routes(), named routes and del', async (t) => {
  t.same(await routesOf('koa-router'), [
    'GET /api/authors koa src/authors.ts:listAuthors',
    'POST /api/authors/:id/publishers koa src/authors.ts:(inline@7)',
    'GET /api/books koa src/books.ts:(inline@6)',
    'DELETE /api/books/:id koa src/books.ts:(inline@12)',
    'GET /api/books/:id koa src/books.ts:(inline@9)',
  ]);
});

t.test(
  'NestJS: controller prefixes (string, object, with params), method decorators and the global prefix',
  async (t) => {
    t.same(await routesOf('nestjs-shop'), [
      'GET /api/categories nestjs src/catalog/categories.controller.ts:CategoriesController.list',
      'GET /api/categories/:id/products nestjs src/catalog/categories.controller.ts:CategoriesController.products',
      'POST /api/customers nestjs src/customers/customers.controller.ts:CustomersController.register',
      'GET /api/customers/:id nestjs src/customers/customers.controller.ts:CustomersController.get',
      'GET /api/customers/:id/addresses nestjs src/customers/customers.controller.ts:CustomersController.addresses',
      'POST /api/orders nestjs src/orders/orders.controller.ts:OrdersController.place',
      'GET /api/orders/:id nestjs src/orders/orders.controller.ts:OrdersController.get',
      'POST /api/orders/:id/cancel nestjs src/orders/orders.controller.ts:OrdersController.cancel',
      'GET /api/products nestjs src/catalog/products.controller.ts:ProductsController.list',
      'POST /api/products nestjs src/catalog/products.controller.ts:ProductsController.create',
      'GET /api/products/:id nestjs src/catalog/products.controller.ts:ProductsController.get',
      'PATCH /api/products/:id/stock nestjs src/catalog/products.controller.ts:ProductsController.reserve',
      'GET /api/products/:productId/reviews nestjs src/reviews/reviews.controller.ts:ProductReviewsController.list',
      'POST /api/products/:productId/reviews nestjs src/reviews/reviews.controller.ts:ProductReviewsController.add',
      'DELETE /api/reviews/:id nestjs src/reviews/reviews.controller.ts:ReviewsController.remove',
    ]);
  },
);

t.test(
  'file-based routing: folders, [param] segments, index and route files, (group) folders, re-exported methods',
  async (t) => {
    t.same(await routesOf('file-routes'), [
      'GET /api/health file-based src/app/api/health/route.ts:GET',
      'HEAD /api/health file-based src/app/api/health/route.ts:HEAD',
      'GET /api/products file-based src/routes/api/products/index.ts:GET',
      'GET /api/products/:id/reviews file-based src/routes/api/products/[id]/reviews.ts:GET',
      'POST /api/products/:id/reviews file-based src/routes/api/products/[id]/reviews.ts:POST',
      'GET /stats file-based src/routes/(admin)/stats.ts:GET',
    ]);
  },
);
