import t from 'tap';
import { checkCatalogContract } from '../../src/contract/check-catalog-contract.js';
import { CATALOG_ROUTES } from '../../src/contract/catalog-corpus.js';

t.test('the catalog service answers the whole corpus exactly as the monolith does', async (t) => {
  const result = await checkCatalogContract();
  t.ok(result.requests >= 100, `${result.requests} requests`);
  t.same(result.routes.map((r) => r.route).sort(), [...CATALOG_ROUTES].sort(), 'every route it takes over');
  t.same(
    result.routes.filter((r) => r.matches !== r.requests),
    [],
    'no route with a mismatch',
  );
  t.ok(result.ok);
});
