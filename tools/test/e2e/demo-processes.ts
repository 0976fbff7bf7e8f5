// Helpers for the end-to-end test: free loopback ports, `ficus` as a real child process, a steady client.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const FICUS_BIN = fileURLToPath(new URL('../../src/bin/ficus.js', import.meta.url));

export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ficus ARGS` as its own process and resolves with its exit code and output. */
export function ficus(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [FICUS_BIN, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts `ficus demo` and resolves once it prints that everything is up. */
export function startDemoProcess(
  args: readonly string[],
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [FICUS_BIN, 'demo', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Press Ctrl-C')) {
        clearInterval(timer);
        resolve({ child, output: () => output });
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`ficus demo exited with ${code}:\n${output}`));
    });
  });
}

export interface ClientTally {
  requests: number;
  failures: { status: number; path: string; body: string }[];
}

/** A client reading reviews through the proxy, as different users, until stopped. */
export function steadyClient(
  proxyUrl: string,
  concurrency = 4,
): { tally: ClientTally; stop(): Promise<void> } {
  const tally: ClientTally = { requests: 0, failures: [] };
  let running = true;
  let n = 0;
  const worker = async (): Promise<void> => {
    while (running) {
      n += 1;
      const product = (n % 40) + 1;
      const path = `/api/products/${product}/reviews?pageSize=5`;
      try {
        const response = await fetch(`${proxyUrl}${path}`, { headers: { 'x-user-id': `user-${n % 200}` } });
        const body = await response.text();
        tally.requests += 1;
        if (response.status !== 200)
          tally.failures.push({ status: response.status, path, body: body.slice(0, 200) });
      } catch (error) {
        tally.requests += 1;
        tally.failures.push({ status: 0, path, body: (error as Error).message });
      }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  return {
    tally,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}
