// Benchmark subject: Ficus with logging and metrics on, one route in a given stage among `routes` routes.
import { startProxy } from '../src/build-proxy.js';
import { parseConfig } from '../src/config/parse-config.js';
import type { Stage } from '../src/flags/route-flag.js';
import { MemoryFlagStore } from '../src/flag-stores/memory-flag-store.js';

const [
  upstream = '',
  stageArg = 'monolith',
  percentArg = '0',
  routesArg = '10',
  serviceArg = '',
  pathArg = '/api/products/:productId/reviews',
] = process.argv.slice(2);
/** The shadow row gives the service its own upstream process, as a real extracted service would have. */
const serviceUrl = serviceArg === '' ? upstream : serviceArg;
const stage = stageArg as Stage;
const routeCount = Number(routesArg);

const routes = [
  {
    id: 'reviews.list',
    path: pathArg,
    methods: ['GET'],
    service: 'reviews',
    owner: 'reviews',
    stickyBy: 'header:x-ficus-user',
  },
  ...Array.from({ length: routeCount - 1 }, (_, i) => ({
    id: `filler.${i}`,
    path: `/area${i % 100}/things${i}/:id`,
    methods: i % 3 === 0 ? [] : ['GET', 'POST'],
    service: 'reviews',
    owner: 'reviews',
  })),
];
const config = parseConfig({
  proxy: { listen: { host: '127.0.0.1', port: 0 }, admin: { host: '127.0.0.1', port: 0 } },
  monolith: { url: upstream },
  services: { reviews: { url: serviceUrl, team: 'reviews' } },
  routes,
  flags: { store: { kind: 'memory' } },
});
const store = new MemoryFlagStore();
if (stage !== 'monolith') {
  // A shadow flag copies every request (its default share); other stages copy none.
  await store.set('reviews.list', { stage, percent: Number(percentArg), reason: 'bench' }, 0, 'bench');
}
const proxy = await startProxy(config, { store, logDestination: '/dev/null' });
process.send?.({ port: Number(new URL(proxy.url).port) });
// The runner asks how many requests were copied, to print the share actually shadowed next to the latency.
process.on('message', (message) => {
  if (message !== 'shadow-counts') return;
  const summary = proxy.evidence.summary('reviews.list');
  const skipped = Object.values(summary.skipped).reduce((n, c) => n + c, 0);
  process.send?.({ copied: summary.compared + summary.failed, skipped });
});
process.on('SIGTERM', () => {
  void proxy.close().finally(() => process.exit(0));
});
