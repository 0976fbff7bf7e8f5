// `npm run bench -w strangler-proxy`: direct, plain @fastify/http-proxy, Ficus per stage, Ficus with 10,000 routes,
// the extracted catalog service direct and behind Ficus, and nginx when installed, side by side on loopback; each
// server in its own child process.
import { execFileSync, fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLoad, quantile } from './generate-load.js';
import type { LoadResult } from './generate-load.js';
import { cpuMicros, mainThreadCpuMicros, peakRssMiB, processTree } from './proc-stats.js';

const here = new URL('.', import.meta.url).pathname;
const DURATION_MS = Number(process.env.FICUS_BENCH_MS ?? 3000);
/** Rows run in interleaved rounds and each reports its median round: the machine is shared and noisy. */
const ROUNDS = Number(process.env.FICUS_BENCH_ROUNDS ?? 3);
const WARMUP_MS = 1000;
const CONNECTIONS = Number(process.env.FICUS_BENCH_CONNECTIONS ?? 16);
/**
 * CPU per request is measured at one fixed request rate for every row: at full speed it mostly measures how well a
 * process batches syscalls at whatever throughput the shared machine allows at that moment.
 */
const CPU_RATE = Number(process.env.FICUS_BENCH_CPU_RATE ?? 3000);
const PATH = '/api/products/42/reviews';
/** The steady-state shadow comparison (issue #4): rounds, measured milliseconds and warm-up per subject and round. */
const STEADY_ROUNDS = Number(process.env.FICUS_BENCH_STEADY_ROUNDS ?? 6);
const STEADY_MS = Number(process.env.FICUS_BENCH_STEADY_MS ?? 5000);
const STEADY_WARMUP_MS = 1500;

interface Row {
  readonly name: string;
  readonly load: LoadResult;
  /** p99 of the paced run: latency at one fixed offered load, the same for every row. */
  readonly pacedP99Ms: number | null;
  readonly cpuUsPerReq: number | null;
  /** The part of it spent on the main thread, the event loop that serves the clients. */
  readonly loopUsPerReq: number | null;
  readonly rssMiB: number | null;
  /** Share of requests copied to the service at full speed and at the fixed rate; null for rows without shadowing. */
  readonly copied: { readonly full: number; readonly paced: number } | null;
}

interface ShadowCounts {
  readonly copied: number;
  readonly skipped: number;
}

/** Asks a Ficus subject how many requests it copied or skipped so far; null for other subjects. */
function askShadowCounts(child: ChildProcess | null): Promise<ShadowCounts | null> {
  if (child === null || !child.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 1000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as ShadowCounts);
    });
    child.send('shadow-counts');
  });
}

/** The same, once the copies of requests already answered have landed. */
async function shadowCounts(child: ChildProcess | null): Promise<ShadowCounts | null> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return askShadowCounts(child);
}

const share = (before: ShadowCounts | null, after: ShadowCounts | null): number | null => {
  if (before === null || after === null) return null;
  const copied = after.copied - before.copied;
  const total = copied + after.skipped - before.skipped;
  return total === 0 ? null : copied / total;
};

const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

async function forkServer(script: string, args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(here, script), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, port };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function measure(name: string, port: number, child: ChildProcess | null, path = PATH): Promise<Row> {
  const pid = child?.pid ?? null;
  const shadowing = name.includes('shadow');
  const url = `http://127.0.0.1:${port}`;
  const start = shadowing ? await shadowCounts(child) : null;
  const load = await generateLoad({
    url,
    path,
    connections: CONNECTIONS,
    durationMs: DURATION_MS,
    warmupMs: WARMUP_MS,
  });
  const afterFull = shadowing ? await shadowCounts(child) : null;
  let cpu: number | null = null;
  let loopCpu: number | null = null;
  let pacedP99: number | null = null;
  let pids: number[] = [];
  if (pid !== null) {
    let before = 0;
    let loopBefore = 0;
    const paced = await generateLoad({
      url,
      path,
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      warmupMs: 200,
      ratePerSec: CPU_RATE,
      onMeasureStart: () => {
        pids = processTree(pid);
        before = cpuMicros(pids);
        loopBefore = mainThreadCpuMicros(pid);
      },
    });
    cpu = (cpuMicros(pids) - before) / paced.requests;
    // nginx serves from a worker process; its master's main thread is idle, so the column means nothing there.
    if (!name.startsWith('nginx')) loopCpu = (mainThreadCpuMicros(pid) - loopBefore) / paced.requests;
    pacedP99 = paced.p99Ms;
  }
  const afterPaced = shadowing ? await shadowCounts(child) : null;
  const full = share(start, afterFull);
  const pacedShare = share(afterFull, afterPaced);
  const row = {
    name,
    load,
    pacedP99Ms: pacedP99,
    cpuUsPerReq: cpu,
    loopUsPerReq: loopCpu,
    rssMiB: pid === null ? null : peakRssMiB(pids),
    copied: full === null || pacedShare === null ? null : { full, paced: pacedShare },
  };
  const cpuText = cpu === null ? '' : `, ${cpu.toFixed(1)} µs CPU/req at ${CPU_RATE} req/s`;
  process.stderr.write(`  ${name}: ${Math.round(load.requests / load.seconds)} req/s${cpuText}\n`);
  return row;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function nginxPath(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not installed here
    }
  }
  return null;
}

async function startNginx(
  binary: string,
  upstreamPort: number,
): Promise<{ child: ChildProcess; port: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-bench-nginx-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off; master_process on; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream app { server 127.0.0.1:${upstreamPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
`,
  );
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
  children.push(child);
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      await response.arrayBuffer();
      return { child, port };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error('nginx did not start');
}

function table(rows: Row[]): string {
  const plain = rows.find((r) => r.name.startsWith('@fastify/http-proxy'))?.cpuUsPerReq ?? null;
  const nginx = rows.find((r) => r.name.startsWith('nginx'))?.cpuUsPerReq ?? null;
  const ratio = (value: number | null, base: number | null): string =>
    value === null || base === null ? '-' : `${(value / base).toFixed(2)}×`;
  const header = [
    '',
    'req/s',
    'p50 ms',
    'p99 ms',
    `p99 ms @${CPU_RATE}/s`,
    `CPU µs/req @${CPU_RATE}/s`,
    'of which main thread',
    'peak RSS MiB',
    'CPU vs http-proxy',
    'CPU vs nginx',
    'errors (all rounds)',
  ];
  const body = rows.map((r) => [
    r.name,
    String(Math.round(r.load.requests / r.load.seconds)),
    r.load.p50Ms.toFixed(2),
    r.load.p99Ms.toFixed(2),
    r.pacedP99Ms === null ? '-' : r.pacedP99Ms.toFixed(2),
    r.cpuUsPerReq === null ? '-' : r.cpuUsPerReq.toFixed(1),
    r.loopUsPerReq === null ? '-' : r.loopUsPerReq.toFixed(1),
    r.rssMiB === null ? '-' : r.rssMiB.toFixed(1),
    ratio(r.cpuUsPerReq, plain),
    ratio(r.cpuUsPerReq, nginx),
    String(r.load.errors),
  ]);
  return markdownTable(header, body, new Set([0]));
}

/** A Markdown table padded to its widest cells; the `left` columns align left, the others (numbers) right. */
function markdownTable(header: string[], body: string[][], left: ReadonlySet<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (left.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = widths.map((w, i) => (left.has(i) ? `-${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`));
  return [line(header), `|${rule.join('|')}|`, ...body.map(line)].join('\n');
}

interface SteadyRun {
  readonly name: string;
  readonly latencies: number[];
  readonly roundP99s: number[];
  errors: number;
  copied: number;
  counted: number;
}

/**
 * Issue #4's target measured on its own: the client's latency at one fixed rate in the steady state, with and without
 * shadowing. In the table, the paced run follows a full-speed run in the same process, so it also measures how the
 * proxy recovers from overload (copies are shed while it is saturated). Here every subject starts fresh and is warmed
 * at the fixed rate; rounds interleave, and each subject's latencies are pooled over its rounds before the
 * percentiles are taken. The no-shadowing subject runs twice in each round: how far those two differ is this
 * machine's noise floor for the comparison (an A/A test).
 */
async function steadyState(): Promise<SteadyRun[]> {
  const kinds: ReadonlyArray<readonly [string, string[]]> = [
    ['ficus, stage monolith', ['monolith', '0', '10']],
    ['ficus, stage shadow 100 % (healthy service)', ['shadow', '0', '10', serviceUrl]],
    ['ficus, stage monolith, run again (A/A)', ['monolith', '0', '10']],
  ];
  const runs = kinds.map(([name]): SteadyRun => ({
    name,
    latencies: [],
    roundP99s: [],
    errors: 0,
    copied: 0,
    counted: 0,
  }));
  process.stderr.write(
    `steady state: ${STEADY_ROUNDS} rounds; per subject ${STEADY_WARMUP_MS} ms warm-up and ${STEADY_MS} ms ` +
      `measured, both at ${CPU_RATE} req/s\n`,
  );
  for (let round = 1; round <= STEADY_ROUNDS; round++) {
    process.stderr.write(`steady round ${round}/${STEADY_ROUNDS}\n`);
    for (const [i, [, args]] of kinds.entries()) {
      const run = runs[i]!;
      const server = await forkServer('ficus-proxy.js', [upstreamUrl, ...args]);
      const shadowing = args[0] === 'shadow';
      // Counted from the end of the warm-up: a fresh proxy starts its worker and JIT on the first copies.
      let counting: Promise<ShadowCounts | null> = Promise.resolve(null);
      const load = await generateLoad({
        url: `http://127.0.0.1:${server.port}`,
        path: PATH,
        connections: CONNECTIONS,
        durationMs: STEADY_MS,
        warmupMs: STEADY_WARMUP_MS,
        ratePerSec: CPU_RATE,
        onMeasureStart: () => {
          if (shadowing) counting = askShadowCounts(server.child);
        },
      });
      const before = await counting;
      const after = shadowing ? await shadowCounts(server.child) : null;
      await stop(server.child);
      run.latencies.push(...(load.latenciesMs ?? []));
      run.roundP99s.push(load.p99Ms);
      run.errors += load.errors;
      if (before !== null && after !== null) {
        run.copied += after.copied - before.copied;
        run.counted += after.copied - before.copied + after.skipped - before.skipped;
      }
    }
  }
  for (const run of runs) run.latencies.sort((a, b) => a - b);
  return runs;
}

function steadyReport(runs: SteadyRun[]): string {
  const [plain, shadow, again] = runs as [SteadyRun, SteadyRun, SteadyRun];
  const p99 = (run: SteadyRun): number => quantile(run.latencies, 0.99);
  const change = (from: number, to: number): string => `${((to / from - 1) * 100).toFixed(1)} %`;
  // Rounds ran back to back, so each round's pair shares that moment's noise; the spread shows how much it moves.
  const roundChanges = (from: SteadyRun, to: SteadyRun): string =>
    from.roundP99s.map((v, i) => `${((to.roundP99s[i]! / v - 1) * 100).toFixed(0)} %`).join(', ');
  const header = ['', 'requests', 'p50 ms', 'p99 ms', 'p99.9 ms', 'p99 ms of each round', 'copied', 'errors'];
  const body = runs.map((run) => [
    run.name,
    String(run.latencies.length),
    quantile(run.latencies, 0.5).toFixed(2),
    p99(run).toFixed(2),
    quantile(run.latencies, 0.999).toFixed(2),
    run.roundP99s.map((v) => v.toFixed(2)).join(' '),
    run.counted === 0 ? '-' : `${((run.copied / run.counted) * 100).toFixed(1)} %`,
    String(run.errors),
  ]);
  return [
    `Steady state at ${CPU_RATE} req/s: ${STEADY_ROUNDS} interleaved rounds of ${STEADY_MS} ms per subject, each ` +
      `started fresh and warmed at that rate; latencies pooled over the rounds.`,
    markdownTable(header, body, new Set([0, 5])),
    `shadow 100 % vs no shadowing, client p99 in the steady state: ${change(p99(plain), p99(shadow))}; the ` +
      `no-shadowing subject run twice differs by ${change(p99(plain), p99(again))} (A/A)`,
    `the same, round by round: shadow ${roundChanges(plain, shadow)}; A/A ${roundChanges(plain, again)}`,
  ].join('\n');
}

const upstream = await forkServer('upstream-server.js', []);
const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
const service = await forkServer('upstream-server.js', []);
const serviceUrl = `http://127.0.0.1:${service.port}`;
process.stderr.write(
  `bench: ${CONNECTIONS} connections, ${ROUNDS} rounds; per row ${WARMUP_MS} ms warm-up, ${DURATION_MS} ms at full ` +
    `speed (req/s, latency), ${DURATION_MS} ms at ${CPU_RATE} req/s (CPU)\n`,
);
type Subject = readonly [
  name: string,
  start: () => Promise<{ child: ChildProcess; port: number } | null>,
  /** The upstream a `null` start measures directly, and the path to load; default the stub upstream and PATH. */
  target?: { port: number; path: string },
];
const fork_ = (script: string, args: string[]) => () => forkServer(script, args);
const subjects: Subject[] = [
  ['direct to upstream', async () => null],
  ['@fastify/http-proxy (defaults)', fork_('plain-proxy.js', [upstreamUrl])],
  ['ficus, stage monolith', fork_('ficus-proxy.js', [upstreamUrl, 'monolith', '0', '10'])],
  [
    'ficus, stage shadow 100 % (healthy service)',
    fork_('ficus-proxy.js', [upstreamUrl, 'shadow', '0', '10', serviceUrl]),
  ],
  ['ficus, stage canary 50 %', fork_('ficus-proxy.js', [upstreamUrl, 'canary', '50', '10'])],
  ['ficus, stage service', fork_('ficus-proxy.js', [upstreamUrl, 'service', '0', '10'])],
  ['ficus, service, 10,000 routes', fork_('ficus-proxy.js', [upstreamUrl, 'service', '0', '10000'])],
];
// The extracted catalog service (issue #6), a real fastify app on its own SQLite database, direct and behind Ficus.
const catalog = await forkServer('catalog-service.js', []);
const catalogUrl = `http://127.0.0.1:${catalog.port}`;
const CATALOG_PATH = '/api/products/42';
subjects.push(
  [
    'catalog service direct (GET /api/products/42)',
    async () => null,
    { port: catalog.port, path: CATALOG_PATH },
  ],
  [
    'ficus, stage service → catalog service',
    fork_('ficus-proxy.js', [upstreamUrl, 'service', '0', '10', catalogUrl, '/api/products/:id']),
    { port: catalog.port, path: CATALOG_PATH },
  ],
);
const nginx = nginxPath();
if (nginx !== null) subjects.push(['nginx (1 worker, keepalive)', () => startNginx(nginx, upstream.port)]);
else process.stderr.write('  nginx is not installed; its row and ratio are left out\n');

// FICUS_BENCH_ONLY=service keeps the rows whose name contains "service" (plus the baselines), for a focused A/B;
// several words separated by "|" keep the rows matching any of them (FICUS_BENCH_ONLY="monolith|shadow").
const only = process.env.FICUS_BENCH_ONLY;
if (only) {
  const words = only.split('|');
  const keep = subjects.filter(
    ([name]) =>
      words.some((w) => name.includes(w)) || name.startsWith('@fastify') || name.startsWith('direct'),
  );
  subjects.splice(0, subjects.length, ...keep);
}
const rounds = new Map<string, Row[]>();
for (let round = 1; round <= ROUNDS; round++) {
  process.stderr.write(`round ${round}/${ROUNDS}\n`);
  for (const [name, start, target] of subjects) {
    const server = await start();
    const row = await measure(
      name,
      server?.port ?? target?.port ?? upstream.port,
      server?.child ?? null,
      target?.path ?? PATH,
    );
    if (server !== null) await stop(server.child);
    rounds.set(name, [...(rounds.get(name) ?? []), row]);
  }
}
const steady =
  STEADY_ROUNDS > 0 && subjects.some(([name]) => name.startsWith('ficus, stage shadow'))
    ? await steadyState()
    : null;
await stop(upstream.child);
await stop(service.child);
await stop(catalog.child);
/** Each number is the median of its own rounds; peak RSS is the largest seen. */
const median = (runs: Row[]): Row => {
  const mid = (pick: (r: Row) => number): number =>
    runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const seconds = 1;
  return {
    name: runs[0]!.name,
    load: {
      requests: mid((r) => r.load.requests / r.load.seconds),
      seconds,
      errors: runs.reduce((n, r) => n + r.load.errors, 0),
      p50Ms: mid((r) => r.load.p50Ms),
      p99Ms: mid((r) => r.load.p99Ms),
    },
    pacedP99Ms: runs[0]!.pacedP99Ms === null ? null : mid((r) => r.pacedP99Ms!),
    cpuUsPerReq: runs[0]!.cpuUsPerReq === null ? null : mid((r) => r.cpuUsPerReq!),
    loopUsPerReq: runs[0]!.loopUsPerReq === null ? null : mid((r) => r.loopUsPerReq!),
    rssMiB: runs[0]!.rssMiB === null ? null : Math.max(...runs.map((r) => r.rssMiB!)),
    copied:
      runs[0]!.copied === null
        ? null
        : { full: mid((r) => r.copied?.full ?? 0), paced: mid((r) => r.copied?.paced ?? 0) },
  };
};
const rows: Row[] = subjects.map(([name]) => median(rounds.get(name)!));

const serviceCpu = rows.find((r) => r.name === 'ficus, stage service')?.cpuUsPerReq;
const many = rows.find((r) => r.name.includes('10,000'))?.cpuUsPerReq;
process.stdout.write(`${table(rows)}\n`);
if (serviceCpu && many)
  process.stdout.write(
    `10,000 routes vs 10 routes (CPU per request): ${((many / serviceCpu - 1) * 100).toFixed(1)} %\n`,
  );
// Issue #4's target: the client's p99 with 100 % shadowing within 10 % of no shadowing (stage monolith).
const plainRow = rows.find((r) => r.name === 'ficus, stage monolith');
const shadowRow = rows.find((r) => r.name.startsWith('ficus, stage shadow'));
if (plainRow && shadowRow) {
  const change = (a: number | null, b: number | null): string =>
    a === null || b === null ? '-' : `${((b / a - 1) * 100).toFixed(1)} %`;
  const copied = (which: 'full' | 'paced'): string =>
    shadowRow.copied === null ? '' : ` (${(shadowRow.copied[which] * 100).toFixed(1)} % of requests copied)`;
  process.stdout.write(
    `shadow 100 % vs no shadowing, client p99 in the table: ${change(plainRow.load.p99Ms, shadowRow.load.p99Ms)} ` +
      `at full speed${copied('full')}, ${change(plainRow.pacedP99Ms, shadowRow.pacedP99Ms)} at ${CPU_RATE} req/s ` +
      `right after the full-speed run${copied('paced')}\n`,
  );
}
if (steady !== null) process.stdout.write(`\n${steadyReport(steady)}\n`);
