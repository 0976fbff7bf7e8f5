// The catalog contract corpus: for every catalog read route in the monolith's inventory, existing and missing ids
// and slugs, every sort and filter, pages inside and past the end, bad input, and callers with and without a session.
import { anonymous, asUser, forged, type ContractRequest } from '@ficus/tools/contract-check';
import type { CatalogFacts } from './catalog-facts.js';

export const CATALOG_ROUTES = [
  'GET /api/products',
  'GET /api/products/by-slug/:slug',
  'GET /api/products/:id',
  'GET /api/categories',
  'GET /api/categories/:id',
  'GET /api/categories/:id/products',
  'GET /api/search',
] as const;

type Route = (typeof CATALOG_ROUTES)[number];

const SORTS = ['name', 'price_asc', 'price_desc', 'newest'];

/** Takes the routes from the monolith's inventory and refuses to run if one the service serves is gone or renamed. */
export function buildCatalogCorpus(
  inventory: readonly { method: string; url: string }[],
  facts: CatalogFacts,
): ContractRequest[] {
  const declared = new Set(inventory.map((r) => `${r.method} ${r.url}`));
  const missing = CATALOG_ROUTES.filter((r) => !declared.has(r));
  if (missing.length > 0) throw new Error(`the monolith no longer declares ${missing.join(', ')}`);

  const corpus: ContractRequest[] = [];
  const get = (route: Route, path: string, extra: Partial<ContractRequest> = {}): void => {
    corpus.push({ route, method: 'GET', path, caller: anonymous, ...extra });
  };
  const [brand] = facts.brands as [string];
  const [department] = facts.departments as [number];
  const [leaf] = facts.leafCategories as [number];

  // Listing: every sort, filters alone and combined, pages, and bad values.
  get('GET /api/products', '/api/products');
  for (const sort of SORTS) get('GET /api/products', `/api/products?sort=${sort}`);
  for (const sort of SORTS) get('GET /api/products', `/api/products?sort=${sort}&page=7&pageSize=13`);
  for (const q of [
    'page=2',
    'page=150',
    'page=151',
    'page=1000',
    'pageSize=1',
    'pageSize=100',
    'page=30&pageSize=100',
  ])
    get('GET /api/products', `/api/products?${q}`);
  for (const b of facts.brands) get('GET /api/products', `/api/products?brand=${encodeURIComponent(b)}`);
  get('GET /api/products', `/api/products?brand=${encodeURIComponent(brand)}&sort=price_desc&pageSize=50`);
  get('GET /api/products', '/api/products?brand=NoSuchBrand');
  for (const c of [...facts.departments, ...facts.leafCategories])
    get('GET /api/products', `/api/products?category=${c}`);
  get(
    'GET /api/products',
    `/api/products?category=${department}&brand=${encodeURIComponent(brand)}&sort=newest`,
  );
  get('GET /api/products', `/api/products?category=${facts.categoryCount + 1}`);
  for (const q of [
    'sort=bogus',
    'pageSize=0',
    'pageSize=101',
    'page=0',
    'page=x',
    'category=0',
    'category=abc',
    'brand=',
  ])
    get('GET /api/products', `/api/products?${q}`);
  get('GET /api/products', '/api/products?pageSize=5', { caller: asUser(3) });
  get('GET /api/products', '/api/products?pageSize=5', { caller: forged });

  // Product pages: by id (active, discontinued, missing, malformed) and by slug.
  for (const id of ['1', '2', '3', '100', '1500', String(facts.productCount), String(facts.discontinued.id)])
    get('GET /api/products/:id', `/api/products/${id}`);
  for (const id of [String(facts.productCount + 1), '999999', '0', '-4', 'abc', '2.5'])
    get('GET /api/products/:id', `/api/products/${id}`);
  get('GET /api/products/:id', '/api/products/1', { caller: asUser(5) });
  for (const slug of [...facts.slugs, facts.discontinued.slug, 'no-such-product', 'UPPER-case', 'bad_slug'])
    get('GET /api/products/by-slug/:slug', `/api/products/by-slug/${slug}`);

  // The category tree.
  get('GET /api/categories', '/api/categories');
  get('GET /api/categories', '/api/categories', { caller: asUser(2) });
  for (const id of [...facts.departments, ...facts.leafCategories, facts.categoryCount])
    get('GET /api/categories/:id', `/api/categories/${id}`);
  for (const id of [String(facts.categoryCount + 1), '0', 'x'])
    get('GET /api/categories/:id', `/api/categories/${id}`);
  for (const id of [department, leaf]) {
    get('GET /api/categories/:id/products', `/api/categories/${id}/products`);
    for (const sort of SORTS)
      get('GET /api/categories/:id/products', `/api/categories/${id}/products?sort=${sort}&pageSize=25`);
  }
  for (const q of ['page=2', 'page=999', 'pageSize=100', 'sort=cheapest', 'pageSize=500'])
    get('GET /api/categories/:id/products', `/api/categories/${department}/products?${q}`);
  for (const id of [String(facts.categoryCount + 1), '0', 'x'])
    get('GET /api/categories/:id/products', `/api/categories/${id}/products`);

  // Search: names, brands, SKUs, case, LIKE wildcards taken literally, too short, missing, too long.
  const terms = [
    'guide',
    'Guide',
    brand.toLowerCase(),
    'SKU-00001',
    'sku-000111',
    'compact guide',
    'zzzz-none',
    '%',
    '_',
    '100%',
    'a_b',
  ];
  for (const q of terms) get('GET /api/search', `/api/search?q=${encodeURIComponent(q)}`);
  for (const sort of SORTS) get('GET /api/search', `/api/search?q=guide&sort=${sort}&page=2&pageSize=10`);
  for (const q of [
    'q=a',
    'q=%20a%20',
    'q=',
    '',
    `q=${'x'.repeat(101)}`,
    'q=guide&pageSize=101',
    'q=guide&sort=relevance',
  ])
    get('GET /api/search', `/api/search${q === '' ? '' : `?${q}`}`);
  get('GET /api/search', '/api/search?q=guide', { caller: asUser(9, 'cookie') });
  return corpus;
}
