// A hand-written ExtractedProject of a small layered shop (four domains, a lib/ used everywhere), for seam tests.
import type {
  ExtractedProject,
  ExtractedRoute,
  ImportEdge,
  SymbolReference,
  TableAccess,
} from '../../src/extract/extracted-project.js';

export const SHOP_DOMAINS = ['order', 'product', 'review', 'account'] as const;

const LIB = ['src/lib/db.ts', 'src/lib/logger.ts', 'src/lib/errors.ts', 'src/config.ts'];

const layer = (domain: string) => ({
  controller: `src/controllers/${domain}-controller.ts`,
  service: `src/services/${domain}-service.ts`,
  repository: `src/repositories/${domain}-repository.ts`,
  model: `src/models/${domain}.ts`,
});

/** The file each domain's ground truth holds; lib and config are `platform`. */
export function shopGroundTruth(): Map<string, string> {
  const truth = new Map<string, string>();
  for (const d of SHOP_DOMAINS) for (const file of Object.values(layer(d))) truth.set(file, d);
  for (const file of [...LIB, 'src/app.ts']) truth.set(file, 'platform');
  return truth;
}

export function shopProject(): ExtractedProject {
  const imports: ImportEdge[] = [];
  const symbols: SymbolReference[] = [];
  const use = (from: string, to: string, count = 2, kind: ImportEdge['kind'] = 'static'): void => {
    imports.push({ from, to, kind });
    symbols.push({ from, to, symbols: ['x'], count });
  };
  for (const d of SHOP_DOMAINS) {
    const l = layer(d);
    use(l.controller, l.service, 3);
    use(l.service, l.repository, 3);
    use(l.repository, l.model, 1, 'type-only');
    use(l.service, l.model, 1, 'type-only');
    use(l.controller, 'src/lib/errors.ts');
    use(l.service, 'src/lib/logger.ts');
    use(l.repository, 'src/lib/db.ts');
    use('src/app.ts', l.controller, 1);
  }
  use('src/lib/db.ts', 'src/config.ts');
  use('src/lib/db.ts', 'src/lib/logger.ts');
  // Cross-domain calls: orders check products and accounts; reviews look products up.
  use(layer('order').service, layer('product').service, 2);
  use(layer('order').service, layer('account').repository, 1);
  use(layer('review').service, layer('product').repository, 1);

  const tables: TableAccess[] = [
    { file: layer('order').repository, table: 'orders', mode: 'write', via: 'sql' },
    { file: layer('order').repository, table: 'order_items', mode: 'write', via: 'sql' },
    { file: layer('product').repository, table: 'products', mode: 'write', via: 'sql' },
    { file: layer('review').repository, table: 'reviews', mode: 'write', via: 'sql' },
    { file: layer('review').repository, table: 'products', mode: 'read', via: 'sql' },
    { file: layer('account').repository, table: 'accounts', mode: 'write', via: 'sql' },
  ];

  const reachOf = (domain: string, extra: string[] = []): string[] =>
    [...Object.values(layer(domain)), ...LIB, ...extra].sort();
  const route = (
    method: string,
    path: string,
    domain: string,
    extra: string[],
    read: string[],
    write: string[],
  ) =>
    ({
      method,
      path,
      framework: 'express',
      handler: { file: layer(domain).controller, symbol: `${method.toLowerCase()}${domain}` },
      reach: reachOf(domain, extra),
      tables: { read, write },
    }) satisfies ExtractedRoute;
  const product = layer('product');
  const routes: ExtractedRoute[] = [
    route('GET', '/api/orders/:id', 'order', [], ['orders', 'order_items'], []),
    route(
      'POST',
      '/api/orders',
      'order',
      [product.service, product.repository, product.model, layer('account').repository],
      ['products', 'accounts'],
      ['orders', 'order_items'],
    ),
    route('GET', '/api/products', 'product', [], ['products'], []),
    route('PUT', '/api/products/:id', 'product', [], [], ['products']),
    route('GET', '/api/products/:id/reviews', 'review', [product.repository], ['reviews', 'products'], []),
    route('POST', '/api/products/:id/reviews', 'review', [product.repository], ['products'], ['reviews']),
    route('POST', '/api/accounts', 'account', [], [], ['accounts']),
    route('GET', '/api/accounts/:id', 'account', [], ['accounts'], []),
  ];
  const paths = [...shopGroundTruth().keys()].sort();
  return {
    root: '/virtual/shop',
    files: paths.map((path) => ({
      path,
      loc: 20,
      exports: 2,
      abstractExports: path.includes('/models/') ? 2 : 0,
    })),
    imports,
    symbols,
    routes,
    tables,
    skipped: [],
  };
}
