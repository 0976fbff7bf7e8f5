import t from 'tap';
import { ROUTE_ID_PATTERN, ROUTE_PATH_PATTERN } from '@ficus/strangler-proxy/config';
import { proxyRoutesFor, renderProxyRoutes } from '../../src/report/proxy-routes.js';
import { shopResult } from './shop-result.js';

t.test(
  'emits one proxy route per route the seam takes over, valid for the proxy config schema',
  async (t) => {
    const fragment = proxyRoutesFor(shopResult(), 'order');
    t.same(
      fragment.routes.map((r) => [r.id, r.path, r.methods, r.fallback]),
      [
        ['order.get-orders-id', '/api/orders/:id', ['GET'], true],
        ['order.post-orders', '/api/orders', ['POST'], false],
      ],
    );
    for (const route of fragment.routes) {
      t.match(route.id, new RegExp(ROUTE_ID_PATTERN));
      t.match(route.path, new RegExp(ROUTE_PATH_PATTERN));
      t.equal(route.service, 'order');
    }
    t.match(fragment.service, { name: 'order', url: /^http:\/\/127\.0\.0\.1:/ });
  },
);

t.test('renders YAML with services and routes sections', async (t) => {
  const yaml = renderProxyRoutes(proxyRoutesFor(shopResult(), 'order'));
  t.match(yaml, /^services:\n {2}"order": \{ url: "http:\/\/127\.0\.0\.1:4001"/m);
  t.match(
    yaml,
    /^routes:\n {2}- id: "order\.get-orders-id"\n {4}path: "\/api\/orders\/:id"\n {4}methods: \["GET"\]/m,
  );
});

t.test('an unknown seam id is refused with the list of known ids', async (t) => {
  t.throws(() => proxyRoutesFor(shopResult(), 'nope'), {
    code: 'FICUS_ANALYSIS_UNKNOWN_SEAM',
    message: /account/,
  });
});
