// Test harness: real loopback upstreams that record what they receive, and a proxy started in front of them.
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Test } from 'tap';
import { startProxy } from '../src/build-proxy.js';
import type { ProxyOptions, RunningProxy } from '../src/build-proxy.js';
import type { FicusConfig } from '../src/config/ficus-config.js';
import { parseConfig } from '../src/config/parse-config.js';
import { MemoryFlagStore } from '../src/flag-stores/memory-flag-store.js';

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface TestUpstream {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

export type UpstreamHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export const echo =
  (name: string): UpstreamHandler =>
  (req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-served-by': name });
    res.end(JSON.stringify({ servedBy: name, method: req.method, url: req.url, body }));
  };

export async function startUpstream(t: Test, handler: UpstreamHandler): Promise<TestUpstream> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  t.teardown(close);
  return { url: `http://127.0.0.1:${port}`, received, close };
}

/** A port nothing listens on (bound, then closed). */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export interface TestProxy extends RunningProxy {
  readonly store: MemoryFlagStore;
  readonly logs: Record<string, unknown>[];
  /** Request log records only. */
  requests(): Record<string, unknown>[];
}

export function testConfig(raw: Record<string, unknown>): FicusConfig {
  return parseConfig({ flags: { store: { kind: 'memory' } }, ...raw });
}

export async function startTestProxy(
  t: Test,
  config: FicusConfig,
  options: ProxyOptions = {},
): Promise<TestProxy> {
  const store = new MemoryFlagStore();
  const logs: Record<string, unknown>[] = [];
  const proxy = await startProxy(config, {
    store,
    logDestination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
    listen: { host: '127.0.0.1', port: 0 },
    admin: { host: '127.0.0.1', port: 0 },
    // The test's own client shares this event loop, so its load is not the proxy's; shedding has its own test.
    loopLoad: () => 0,
    ...options,
  });
  t.teardown(() => proxy.close());
  return Object.assign(Object.create(null) as object, proxy, {
    store,
    logs,
    requests: () => logs.filter((l) => l.msg === 'request' || l.msg === 'fallback'),
  }) as TestProxy;
}

/** Writes a flag and waits until the proxy's table applies it. */
export async function setFlag(
  proxy: TestProxy,
  routeId: string,
  change: {
    stage: 'monolith' | 'shadow' | 'canary' | 'service';
    percent?: number;
    stickyBy?: `header:${string}`;
  },
): Promise<void> {
  const current = await proxy.store.get(routeId);
  const result = await proxy.store.set(routeId, { reason: 'test', ...change }, current?.version ?? 0, 'test');
  if (!result.ok) throw new Error(`flag write refused: ${JSON.stringify(result)}`);
  for (let i = 0; i < 100 && proxy.table().flagFor(routeId)?.version !== result.flag.version; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A request sent byte for byte as given (fetch refuses `Connection`, odd paths and the like). */
export function rawRequest(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer[] } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}/`,
      { path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (Array.isArray(options.body)) for (const chunk of options.body) req.write(chunk);
    else if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
