// File-based routing: the path a route file serves, from its place in the tree.
import t from 'tap';
import { routePathOfFile } from '../../../src/extract/routes/collect-file-routes.js';

const cases: [string, string | undefined][] = [
  ['src/routes/api/products/[id]/reviews.ts', '/api/products/:id/reviews'],
  ['src/routes/api/products/index.ts', '/api/products'],
  ['src/app/api/x/route.ts', '/api/x'],
  ['app/blog/[...slug]/route.js', '/blog/*'],
  ['src/routes/(admin)/stats.ts', '/stats'],
  ['src/pages/api/users/[userId].ts', '/api/users/:userId'],
  ['api/health.ts', '/api/health'],
  ['src/services/pricing.ts', undefined],
];

t.test('maps route files to path templates in :param syntax', async (t) => {
  for (const [file, expected] of cases) t.equal(routePathOfFile(file), expected, file);
});
