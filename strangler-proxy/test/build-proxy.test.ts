// The composition root: flips apply without restart, bad store values keep the last good flag, shutdown drains.
import t from 'tap';
import type { Test } from 'tap';
import type { FlagSnapshot, FlagStore } from '../src/flag-stores/flag-store.js';
import { MemoryFlagStore } from '../src/flag-stores/memory-flag-store.js';
import { echo, setFlag, startTestProxy, startUpstream, testConfig } from './proxy-harness.js';

async function twoUpstreams(t: Test) {
  const monolith = await startUpstream(t, echo('monolith'));
  const svc = await startUpstream(t, echo('svc'));
  const config = testConfig({
    monolith: { url: monolith.url },
    services: { svc: { url: svc.url, team: 'team' } },
    routes: [
      { id: 'a', path: '/a', methods: ['GET'], service: 'svc', owner: 'team' },
      { id: 'b', path: '/b', methods: ['GET'], service: 'svc', owner: 'team' },
    ],
  });
  return { monolith, svc, config };
}

const servedBy = async (url: string): Promise<string | null> => {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.headers.get('x-served-by');
};

t.test('a flag write takes effect without a restart, in both directions', async (t) => {
  const { config } = await twoUpstreams(t);
  const proxy = await startTestProxy(t, config);
  t.equal(await servedBy(`${proxy.url}/a`), 'monolith');
  await setFlag(proxy, 'a', { stage: 'service' });
  t.equal(await servedBy(`${proxy.url}/a`), 'svc');
  t.equal(await servedBy(`${proxy.url}/b`), 'monolith', 'other routes are untouched');
  await setFlag(proxy, 'a', { stage: 'monolith' });
  t.equal(await servedBy(`${proxy.url}/a`), 'monolith');
});

/** A store whose snapshots the test scripts, to feed the proxy bad values and failures. */
class ScriptedStore extends MemoryFlagStore {
  listeners: ((s: FlagSnapshot) => void)[] = [];
  errorListeners: ((e: Error) => void)[] = [];
  failList = false;
  override async list(): Promise<FlagSnapshot> {
    if (this.failList) throw new Error('store down');
    return super.list();
  }
  override subscribe(listener: (s: FlagSnapshot) => void, onError?: (e: Error) => void): () => void {
    this.listeners.push(listener);
    if (onError) this.errorListeners.push(onError);
    return super.subscribe(listener, onError);
  }
  push(snapshot: FlagSnapshot): void {
    for (const l of this.listeners) l(snapshot);
  }
  fail(error: Error): void {
    for (const l of this.errorListeners) l(error);
  }
}

t.test(
  'a bad value for one route keeps that route on its last good flag, with a warning and a metric',
  async (t) => {
    const { config } = await twoUpstreams(t);
    const store = new ScriptedStore();
    const proxy = await startTestProxy(t, config, { store: store as FlagStore });
    await store.set('a', { stage: 'service', reason: 'go' }, 0, 't');
    await new Promise((r) => setImmediate(r));
    t.equal(await servedBy(`${proxy.url}/a`), 'svc');
    const good = proxy.table().flagFor('a')!;
    store.push({
      flags: new Map([['b', { ...good, routeId: 'b', stage: 'service', version: 1 }]]),
      invalid: [{ routeId: 'a', problem: 'stage: must be one of monolith, shadow, canary, service' }],
    });
    t.equal(await servedBy(`${proxy.url}/a`), 'svc', 'route a keeps its last good flag');
    t.equal(await servedBy(`${proxy.url}/b`), 'svc', 'route b takes its new flag');
    const warning = proxy.logs.find((l) => l.routeId === 'a' && l.level === 40);
    t.ok(warning, 'a warning names the route');
    const metrics = await proxy.runtime.metricsText();
    t.match(metrics, /ficus_proxy_flag_values_rejected_total\{route="a"\} 1/);
    t.match(metrics, /ficus_proxy_last_good_flags_in_use 1/);
  },
);

t.test('a store error keeps every flag in use and is counted', async (t) => {
  const { config } = await twoUpstreams(t);
  const store = new ScriptedStore();
  const proxy = await startTestProxy(t, config, { store: store as FlagStore });
  await store.set('a', { stage: 'service', reason: 'go' }, 0, 't');
  await new Promise((r) => setImmediate(r));
  store.fail(new Error('disk gone'));
  t.equal(await servedBy(`${proxy.url}/a`), 'svc');
  t.match(await proxy.runtime.metricsText(), /ficus_proxy_flag_store_errors_total 1/);
});

t.test('an unreadable store at start still starts the proxy, on the monolith', async (t) => {
  const { config } = await twoUpstreams(t);
  const store = new ScriptedStore();
  store.failList = true;
  const proxy = await startTestProxy(t, config, { store: store as FlagStore });
  t.equal(await servedBy(`${proxy.url}/a`), 'monolith');
  const ready = await proxy.runtime.readiness();
  t.match(ready.checks, { flags: 'store unreadable' });
});

t.test('the admin API runs on its own listener and serves metrics and routes', async (t) => {
  const { config } = await twoUpstreams(t);
  const proxy = await startTestProxy(t, config);
  t.not(proxy.adminUrl, proxy.url);
  await servedBy(`${proxy.url}/a`);
  const health = await fetch(`${proxy.adminUrl}/healthz`);
  t.equal(health.status, 200);
  const onTraffic = await fetch(`${proxy.url}/healthz`);
  t.equal(
    onTraffic.headers.get('x-served-by'),
    'monolith',
    'the traffic port forwards admin paths like any other',
  );
  const stats = proxy.runtime.routeStats('a');
  t.match(stats, { requests: 1, byTarget: { monolith: 1, service: 0 } });
  t.match(
    await proxy.runtime.metricsText(),
    /ficus_proxy_requests_total\{route="a",target="monolith",status_class="2xx"\} 1/,
  );
});

t.test('close drains a request in flight before resolving', async (t) => {
  let release: () => void = () => {};
  const held = await startUpstream(t, (_req, res) => {
    release = () => res.end('done');
    res.writeHead(200);
  });
  const proxy = await startTestProxy(t, testConfig({ monolith: { url: held.url } }));
  const pending = fetch(`${proxy.url}/slow`).then((r) => r.text());
  while (held.received.length === 0) await new Promise((r) => setTimeout(r, 5));
  const closed = proxy.close();
  release();
  t.equal(await pending, 'done');
  await closed;
  await t.rejects(fetch(`${proxy.url}/after`), 'no longer accepting');
});

t.test('flips under load never drop a request', async (t) => {
  const { config } = await twoUpstreams(t);
  const proxy = await startTestProxy(t, config);
  const results: (string | null)[] = [];
  const load = (async () => {
    for (let i = 0; i < 60; i++) results.push(await servedBy(`${proxy.url}/a`));
  })();
  for (const stage of ['service', 'monolith', 'service'] as const) {
    await new Promise((r) => setTimeout(r, 5));
    await setFlag(proxy, 'a', { stage });
  }
  await load;
  t.equal(results.length, 60);
  t.ok(results.every((r) => r === 'svc' || r === 'monolith'));
});
