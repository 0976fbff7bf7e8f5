import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listRoutes } from '../src/list-routes.js';

const controllerTests = fileURLToPath(new URL('../../test/controllers/', import.meta.url));

t.test('the store declares at least 55 routes, each once', async (t) => {
  const routes = listRoutes();
  t.ok(routes.length >= 55, `${routes.length} routes`);
  const keys = routes.map((r) => `${r.method} ${r.url}`);
  t.equal(new Set(keys).size, keys.length);
  t.notOk(
    routes.some((r) => r.method === 'HEAD'),
    'fastify’s implicit HEAD routes are left out',
  );
  t.ok(keys.includes('GET /api/products/:id/reviews'));
  t.ok(keys.includes('GET /healthz'));
});

t.test('every route is exercised by a route test', async (t) => {
  const sources = readdirSync(controllerTests)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => readFileSync(`${controllerTests}${f}`, 'utf8'))
    .join('\n');
  for (const route of listRoutes()) {
    // A path parameter may appear as a literal segment or as a template expression in the test.
    const pattern = route.url
      .split('/')
      .map((segment) =>
        segment.startsWith(':') ? '(?:\\$\\{[^}]+\\}|[^/\'"`?]+)' : segment.replace(/[-]/g, '\\-'),
      )
      .join('/');
    t.match(sources, new RegExp(`['"\`]${pattern}(?:[?'"\`])`), `${route.method} ${route.url}`);
  }
});
