// Puts the proxy in front of the sample monolith for the monolith's own route tests:
// MONOLITH_TEST_FRONT=$PWD/strangler-proxy/dist/test/monolith-front.js npx tap monolith/dist/test/controllers
import { startProxy } from '../src/build-proxy.js';
import { parseConfig } from '../src/config/parse-config.js';
import { MemoryFlagStore } from '../src/flag-stores/memory-flag-store.js';

export async function front(upstreamUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const config = parseConfig({ monolith: { url: upstreamUrl }, flags: { store: { kind: 'memory' } } });
  const store = new MemoryFlagStore();
  const proxy = await startProxy(config, {
    store,
    logDestination: process.env.FICUS_FRONT_LOG ?? '/dev/null',
    listen: { host: '127.0.0.1', port: 0 },
    admin: false,
  });
  return {
    url: proxy.url,
    close: async () => {
      await proxy.close();
      await store.close();
    },
  };
}
