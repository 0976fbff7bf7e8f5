// Every failure maps to a short JSON error with a stable code; retries stay in budget; fallbacks re-serve GETs.
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import t from 'tap';
import type { Test } from 'tap';
import {
  deadUrl,
  echo,
  rawRequest,
  setFlag,
  startTestProxy,
  startUpstream,
  testConfig,
} from '../proxy-harness.js';

function route(extra: Record<string, unknown> = {}) {
  return { id: 'r', path: '/r', methods: ['GET'], service: 'svc', owner: 'team', ...extra };
}

async function proxyFor(
  t: Test,
  monolithUrl: string,
  serviceUrl: string,
  routeExtra: Record<string, unknown> = {},
) {
  const proxy = await startTestProxy(
    t,
    testConfig({
      monolith: { url: monolithUrl },
      services: { svc: { url: serviceUrl, team: 'team' } },
      routes: [route(routeExtra)],
    }),
  );
  await setFlag(proxy, 'r', { stage: 'service' });
  return proxy;
}

async function errorOf(t: Test, response: Response): Promise<{ code: string; message: string }> {
  const text = await response.text();
  t.notMatch(text, /127\.0\.0\.1|ECONN|undici|at \w+ \(/, 'no internal detail in the body');
  return (JSON.parse(text) as { error: { code: string; message: string } }).error;
}

async function rawTcpUpstream(t: Test, onData: (socket: Socket) => void): Promise<string> {
  const server = createServer((socket) => socket.once('data', () => onData(socket)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<Socket>();
  server.on('connection', (s) => sockets.add(s));
  t.teardown(() => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

t.test('a dead upstream answers 502 FICUS_PROXY_UPSTREAM_UNREACHABLE', async (t) => {
  const proxy = await proxyFor(t, await deadUrl(), await deadUrl(), { fallback: false });
  const response = await fetch(`${proxy.url}/r`);
  t.equal(response.status, 502);
  t.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  t.equal((await errorOf(t, response)).code, 'FICUS_PROXY_UPSTREAM_UNREACHABLE');
  t.match(proxy.requests()[0], { status: 502, error: 'connect', target: 'service' });
});

t.test('a connection reset before the response is a 502', async (t) => {
  const url = await rawTcpUpstream(t, (socket) => socket.destroy());
  const proxy = await proxyFor(t, url, url, { fallback: false });
  const response = await fetch(`${proxy.url}/r`);
  t.equal(response.status, 502);
  t.equal((await errorOf(t, response)).code, 'FICUS_PROXY_UPSTREAM_UNREACHABLE');
});

t.test('a response that is not HTTP is a 502 FICUS_PROXY_UPSTREAM_BAD_RESPONSE', async (t) => {
  const url = await rawTcpUpstream(t, (socket) => socket.end('SMTP ready\r\n\r\n'));
  const proxy = await proxyFor(t, url, url, { fallback: false });
  const response = await fetch(`${proxy.url}/r`);
  t.equal(response.status, 502);
  t.equal((await errorOf(t, response)).code, 'FICUS_PROXY_UPSTREAM_BAD_RESPONSE');
});

t.test('an upstream that does not answer in time is a 504', async (t) => {
  const slow = await startUpstream(t, () => {});
  const proxy = await proxyFor(t, slow.url, slow.url, { fallback: false, timeoutMs: 50 });
  const response = await fetch(`${proxy.url}/r`);
  t.equal(response.status, 504);
  t.equal((await errorOf(t, response)).code, 'FICUS_PROXY_UPSTREAM_TIMEOUT');
  t.match(proxy.requests()[0], { status: 504, error: 'timeout' });
});

t.test('a body that stalls after the headers is cut off', async (t) => {
  const stalls = await startUpstream(t, (_req, res) => {
    res.writeHead(200, { 'content-length': '100' });
    res.write('partial');
  });
  const proxy = await proxyFor(t, stalls.url, stalls.url, { fallback: false, timeoutMs: 400 });
  const response = await fetch(`${proxy.url}/r`);
  t.equal(response.status, 200);
  await t.rejects(response.text());
});

t.test(
  'a body over the limit by Content-Length is refused with 413 before any upstream sees it',
  async (t) => {
    const svc = await startUpstream(t, echo('svc'));
    const proxy = await proxyFor(t, svc.url, svc.url, { methods: ['POST'], bodyLimitBytes: 10 });
    const response = await fetch(`${proxy.url}/r`, { method: 'POST', body: 'x'.repeat(11) });
    t.equal(response.status, 413);
    t.equal((await errorOf(t, response)).code, 'FICUS_PROXY_BODY_TOO_LARGE');
    t.equal(svc.received.length, 0);
    const fits = await fetch(`${proxy.url}/r`, { method: 'POST', body: 'x'.repeat(10) });
    t.equal(fits.status, 200);
  },
);

t.test('a streamed (chunked) body is counted and cut off past the limit with 413', async (t) => {
  const svc = await startUpstream(t, echo('svc'));
  const proxy = await proxyFor(t, svc.url, svc.url, { methods: ['POST'], bodyLimitBytes: 10 });
  const chunk = Buffer.from('x'.repeat(6));
  const response = await rawRequest(proxy.url, '/r', {
    method: 'POST',
    headers: { 'transfer-encoding': 'chunked' },
    body: [chunk, chunk],
  });
  t.equal(response.status, 413);
  t.equal(JSON.parse(response.body).error.code, 'FICUS_PROXY_BODY_TOO_LARGE');
  const small = await rawRequest(proxy.url, '/r', {
    method: 'POST',
    headers: { 'transfer-encoding': 'chunked' },
    body: [chunk],
  });
  t.equal(small.status, 200);
  t.equal(JSON.parse(small.body).body, 'xxxxxx');
});

t.test('during a full outage upstream requests stay within 1.2 × client requests', async (t) => {
  const down = await startUpstream(t, (_req, res) => {
    res.writeHead(503);
    res.end('down');
  });
  const proxy = await proxyFor(t, down.url, down.url, { fallback: false });
  const clients = 200;
  for (let i = 0; i < clients; i++) {
    const response = await fetch(`${proxy.url}/r`);
    t.equal(response.status, 503, 'the upstream 503 is passed on');
    await response.arrayBuffer();
  }
  const ratio = down.received.length / clients;
  t.ok(ratio <= 1.2, `ratio ${ratio}`);
  t.ok(ratio > 1, 'some retries were made');
  t.match(await proxy.runtime.metricsText(), /ficus_proxy_retries_total\{upstream="svc"\} \d+/);
});

t.test('a refused connection that the retry budget cannot retry answers 503', async (t) => {
  const proxy = await proxyFor(t, await deadUrl(), await deadUrl(), { fallback: false });
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) {
    const response = await fetch(`${proxy.url}/r`);
    statuses.push(response.status);
    await response.arrayBuffer();
  }
  t.ok(statuses.includes(502), 'early failures are 502');
  t.ok(statuses.includes(503), 'once the budget is spent, 503');
  const retries = proxy.requests().reduce((n, r) => n + (r.retries as number), 0);
  t.ok(retries <= Math.max(3, 20 * 0.2), `${retries} retries`);
});

t.test('POST is never retried', async (t) => {
  const down = await startUpstream(t, (_req, res) => {
    res.writeHead(503);
    res.end();
  });
  const proxy = await proxyFor(t, down.url, down.url, { methods: ['POST'] });
  await (await fetch(`${proxy.url}/r`, { method: 'POST', body: 'x' })).arrayBuffer();
  t.equal(down.received.length, 1);
});

t.test('a failing service on a GET route is re-served by the monolith and counted', async (t) => {
  const monolith = await startUpstream(t, echo('monolith'));
  for (const [name, url] of [
    ['dead', await deadUrl()],
    ['500', (await startUpstream(t, (_q, s) => s.writeHead(500).end())).url],
    ['slow', (await startUpstream(t, () => {})).url],
  ] as const) {
    const proxy = await proxyFor(t, monolith.url, url, { timeoutMs: 300 });
    const response = await fetch(`${proxy.url}/r`);
    t.equal(response.status, 200, name);
    t.equal(response.headers.get('x-served-by'), 'monolith', name);
    t.match(proxy.requests()[0], { fallback: true, target: 'monolith', stage: 'service', status: 200 }, name);
    t.match(
      await proxy.runtime.metricsText(),
      /ficus_proxy_fallbacks_total\{route="r",kind="[\w-]+"\} 1/,
      name,
    );
    t.equal(proxy.runtime.routeStats('r')?.fallbacks, 1, name);
  }
});

t.test('routes without fallback, and non-GET requests, are not re-served', async (t) => {
  const monolith = await startUpstream(t, echo('monolith'));
  const proxy = await proxyFor(t, monolith.url, await deadUrl(), { methods: ['GET', 'POST'] });
  const post = await fetch(`${proxy.url}/r`, { method: 'POST', body: 'x' });
  t.equal(post.status, 502);
  t.equal(monolith.received.length, 0);
});
