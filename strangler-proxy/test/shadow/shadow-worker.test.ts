// The shadow worker thread: a lost worker costs only the copies it held, a new one takes the next, and it runs at a
// lower priority than the threads serving clients.
import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';
import type { Test } from 'tap';
import type { ShadowDelta } from '../../src/shadow/worker-protocol.js';
import { ShadowTraffic } from '../../src/shadow/shadow-traffic.js';
import type { ShadowTrafficDeps } from '../../src/shadow/shadow-traffic.js';
import { startUpstream } from '../proxy-harness.js';
import { shadowTestConfig, until } from './shadow-fixture.js';
import type { ServerResponse } from 'node:http';

const json = (body: unknown) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

async function setup(t: Test, workerUrl?: URL, shadowConfig: Record<string, unknown> = { noisePercent: 0 }) {
  const monolith = await startUpstream(t, json({ id: 1 }));
  const service = await startUpstream(t, json({ id: 1 }));
  const config = shadowTestConfig(
    monolith.url,
    service.url,
    { shadow: shadowConfig },
    { shadow: { workerNice: 5 } },
  );
  const route = config.routes[0]!;
  const deltas: ShadowDelta[] = [];
  const lost: Error[] = [];
  const deps: ShadowTrafficDeps = {
    services: new Map([['svc', service.url]]),
    monolithOrigin: monolith.url,
    limits: config.proxy.shadow,
    now: () => clock,
    random: () => 0.5,
    events: {
      onSkip: () => {},
      onDelta: (delta) => deltas.push(delta),
      onWorkerLost: (error) => lost.push(error),
    },
    loopLoad: () => load,
    ...(workerUrl === undefined ? {} : { workerUrl }),
  };
  let load = 0;
  let clock = 0;
  const shadow = new ShadowTraffic(deps);
  t.teardown(() => shadow.close());
  /** Plays one monolith exchange through the shadow capture, as the data plane does. */
  const shadowOne = (n: number): void => {
    const start = shadow.begin({
      route,
      reqId: `q${n}`,
      method: 'GET',
      path: `/r/${n}`,
      headers: { accept: 'application/json' },
      body: null,
      contentLength: -1,
      start: performance.now(),
    });
    if (start === null) throw new Error('not shadowed');
    start.capture.onHeaders(200, [Buffer.from('content-type'), Buffer.from('application/json')]);
    start.capture.onData(Buffer.from('{"id":1}'));
    start.capture.onComplete();
  };
  const evidence = shadow.evidence;
  const setLoad = (value: number): void => {
    load = value;
  };
  const advance = (ms: number): void => {
    clock += ms;
  };
  return { shadow, evidence, deltas, lost, monolith, service, shadowOne, setLoad, advance };
}

t.test('a lost worker costs only the copies it held; a new worker takes the next ones', async (t) => {
  const exiting = new URL('./exiting-worker.js', import.meta.url);
  const s = await setup(t, exiting);
  s.shadowOne(1);
  s.shadowOne(2);
  t.equal(s.shadow.inFlight, 2, 'both copies hold a slot while the worker has them');
  await until(() => s.lost.length === 1, 'the worker loss');
  t.match(s.lost[0]?.message, /exited with code 3/);
  t.same(
    s.evidence.summary('r').skipped,
    { 'worker-lost': 2 },
    'counted as skipped, not against the service',
  );
  t.equal(s.evidence.summary('r').failed, 0);
  t.equal(s.shadow.inFlight, 0, 'their slots are free again');
  s.shadowOne(3);
  await until(() => s.lost.length === 2, 'the second worker');
  t.equal(s.evidence.summary('r').skipped['worker-lost'], 3, 'the next copy went to a new worker');
});

t.test(
  'the real worker copies to the service, compares, and runs at the configured nice value',
  async (t) => {
    const s = await setup(t);
    for (let n = 1; n <= 5; n++) s.shadowOne(n);
    await until(() => s.evidence.summary('r').compared === 5, 'five comparisons in the evidence');
    t.equal(s.service.received.length, 5, 'the service got every copy');
    t.equal(s.service.received[0]?.headers['x-ficus-shadow'], 'service');
    t.equal(s.evidence.summary('r').matched, 5);
    await until(() => s.shadow.inFlight === 0, 'every slot freed');
    t.equal(
      s.deltas.reduce((n, d) => n + d.matched, 0),
      5,
      'the metrics heard of five matches',
    );
    t.equal(s.deltas.flatMap((d) => d.serviceMs).length, 5, 'and five service latencies');
    s.evidence.reset('r');
    t.equal(s.evidence.summary('r').compared, 0, 'a reset clears the evidence at once');
    s.shadowOne(6);
    await until(() => s.evidence.summary('r').compared === 1, 'new evidence after the reset');
    t.equal(s.evidence.summary('r').compared, 1, 'the worker forgot the old comparisons too');
    if (process.platform !== 'linux') return;
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value; exactly one thread (the worker) has 5.
    const nice = readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    t.equal(nice.filter((n) => n === 5).length, 1, 'the worker thread was reniced');
    t.equal(nice.filter((n) => n === 0).length, nice.length - 1, 'every other thread kept its priority');
  },
);

t.test('a saturated event loop copies nothing until the load falls', async (t) => {
  const s = await setup(t);
  s.setLoad(0.85);
  t.throws(() => s.shadowOne(1), /not shadowed/, 'above the 0.8 default the request is not copied');
  t.same(s.evidence.summary('r').skipped, { 'proxy-busy': 1 }, 'and counted as skipped');
  t.equal(s.shadow.inFlight, 0, 'no slot is held for it');
  s.setLoad(0.5);
  s.shadowOne(2);
  await until(() => s.evidence.summary('r').compared === 1, 'the next copy compared');
  t.equal(s.service.received.length, 1, 'only the copy made below the limit reached the service');
});

t.test('noise copies stop at maxNoisePerSecond per route after the warm-up', async (t) => {
  const s = await setup(t, undefined, { noisePercent: 100, maxNoisePerSecond: 3 });
  for (let n = 1; n <= 30; n++) s.shadowOne(n);
  await until(() => s.evidence.summary('r').compared === 30, 'thirty comparisons');
  const noiseCopies = (): number =>
    s.monolith.received.filter((r) => r.headers['x-ficus-shadow'] === 'noise').length;
  t.equal(
    noiseCopies(),
    23,
    'the first 20 always, then 3 in this second although every request rolled for noise',
  );
  s.advance(1000);
  for (let n = 31; n <= 40; n++) s.shadowOne(n);
  await until(() => s.evidence.summary('r').compared === 40, 'forty comparisons');
  t.equal(noiseCopies(), 26, 'three more in the next second');
});
