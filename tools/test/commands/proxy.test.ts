// `ficus proxy` with a real config file, a real monolith on loopback and an injected stop instead of a signal.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import t from 'tap';
import type { Test } from 'tap';
import { hashToken } from '@ficus/strangler-proxy';
import { createProxyCommand } from '../../src/commands/proxy.js';
import { flagsCommand } from '../../src/commands/flags.js';

const FICUS_BIN = fileURLToPath(new URL('../../src/bin/ficus.js', import.meta.url));

async function tempDir(t: Test): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ficus-proxy-cmd-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function upstream(t: Test, name: string): Promise<string> {
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ servedBy: name, url: req.url }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function writeConfig(dir: string, monolithUrl: string, reviewsUrl: string): Promise<void> {
  await writeFile(
    join(dir, 'ficus.config.yaml'),
    [
      // No shadow evidence needed: these tests flip straight to `service` to prove the process wiring.
      'proxy: { listen: { host: 127.0.0.1, port: 0 }, admin: { host: 127.0.0.1, port: 0 },',
      '         gate: { minCompared: 0, minMatchPercent: 0 } }',
      `monolith: { url: "${monolithUrl}" }`,
      `services: { reviews: { url: "${reviewsUrl}", team: reviews } }`,
      'routes:',
      '  - { id: reviews.list, path: /api/reviews, methods: [GET], service: reviews, owner: reviews }',
      'flags: { store: { kind: file, path: state/flags.json } }',
      `auth: { tokens: [ { team: reviews, sha256: "${hashToken('secret')}" } ] }`,
      '',
    ].join('\n'),
  );
}

/** Runs the command; resolves `started` once it printed the admin URL, and stops it when `stop()` is called. */
function runProxy(argv: string[], cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  let logs = '';
  let stop: (signal: string) => void = () => undefined;
  let markStarted: (urls: { url: string; adminUrl: string }) => void = () => undefined;
  const started = new Promise<{ url: string; adminUrl: string }>((resolve) => (markStarted = resolve));
  stdout.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    const url = /traffic on (\S+)/.exec(err)?.[1];
    const adminUrl = /admin API on (\S+)/.exec(err)?.[1];
    if (url !== undefined && adminUrl !== undefined) markStarted({ url, adminUrl });
  });
  const command = createProxyCommand({ waitForStop: () => new Promise((resolve) => (stop = resolve)) });
  const done = command.run(argv, { stdout, stderr, env: {}, cwd });
  return { started, done, stop: (signal: string) => stop(signal), stderr: () => err, logs: () => logs };
}

t.test('runs the configured proxy, serves through it, and stops cleanly on a stop signal', async (t) => {
  const dir = await tempDir(t);
  const monolithUrl = await upstream(t, 'monolith');
  const reviewsUrl = await upstream(t, 'reviews');
  await writeConfig(dir, monolithUrl, reviewsUrl);
  const proxy = runProxy([], dir);
  const { url, adminUrl } = await Promise.race([
    proxy.started,
    proxy.done.then(() => Promise.reject(new Error(proxy.stderr()))),
  ]);
  const served = await fetch(`${url}/api/reviews`);
  t.match(await served.json(), { servedBy: 'monolith', url: '/api/reviews' });
  const routes = await fetch(`${adminUrl}/routes`, { headers: { authorization: 'Bearer secret' } });
  t.match(await routes.json(), { routes: [{ id: 'reviews.list', stage: 'monolith' }] });
  const flip = await fetch(`${adminUrl}/routes/reviews.list/flag`, {
    method: 'PUT',
    headers: { authorization: 'Bearer secret', 'content-type': 'application/json', 'if-match': '0' },
    body: JSON.stringify({ stage: 'service', reason: 'cut over' }),
  });
  t.equal(flip.status, 200);
  t.match(
    await (await fetch(`${url}/api/reviews`)).json(),
    { servedBy: 'reviews' },
    'the flip takes effect without a restart',
  );
  proxy.stop('SIGTERM');
  t.equal(await proxy.done, 0);
  t.match(proxy.stderr(), /SIGTERM, draining in-flight requests[\s\S]*stopped\n$/);
  await t.rejects(fetch(`${url}/api/reviews`), 'the traffic port is closed');
});

t.test('a bad config prints every problem with its path and exits 2', async (t) => {
  const dir = await tempDir(t);
  await writeFile(
    join(dir, 'bad.yaml'),
    [
      'monolith: { url: "http://127.0.0.1:3000" }',
      'services: {}',
      'routes:',
      '  - { id: r, path: api/x, service: ghost, owner: x, colour: red }',
      '',
    ].join('\n'),
  );
  const proxy = runProxy(['--config', 'bad.yaml'], dir);
  t.equal(await proxy.done, 2);
  t.match(proxy.stderr(), /^FICUS_PROXY_CONFIG_INVALID: /);
  t.match(proxy.stderr(), /routes\[0\]\.path: must start with "\/"/);
  t.match(proxy.stderr(), /routes\[0\]\.colour: is not a known field/);
});

t.test('a missing config file exits 2 naming it', async (t) => {
  const dir = await tempDir(t);
  const proxy = runProxy(['--config', 'nope.yaml'], dir);
  t.equal(await proxy.done, 2);
  t.match(proxy.stderr(), /^FICUS_PROXY_CONFIG_UNREADABLE: .*nope\.yaml/);
});

t.test('an unknown option is a usage error', async (t) => {
  await t.rejects(runProxy(['--port', '80'], process.cwd()).done, { code: 'FICUS_CLI_USAGE' });
});

t.test(
  'the real `ficus proxy` process stops cleanly on SIGTERM after a flip made with `ficus flags`',
  async (t) => {
    const dir = await tempDir(t);
    await writeConfig(dir, await upstream(t, 'monolith'), await upstream(t, 'reviews'));
    const child = spawn(process.execPath, [FICUS_BIN, 'proxy', '--config', join(dir, 'ficus.config.yaml')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    t.teardown(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let stderr = '';
    const started = new Promise<{ url: string; adminUrl: string }>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const url = /traffic on (\S+)/.exec(stderr)?.[1];
        const adminUrl = /admin API on (\S+)/.exec(stderr)?.[1];
        if (url !== undefined && adminUrl !== undefined) resolve({ url, adminUrl });
      });
      child.on('exit', () => reject(new Error(`ficus proxy exited early: ${stderr}`)));
    });
    const { url, adminUrl } = await started;
    const out = new PassThrough();
    const set = await flagsCommand.run(
      ['set', 'reviews.list', 'service', '--reason', 'cut over', '--admin', adminUrl],
      {
        stdout: out,
        stderr: new PassThrough(),
        env: { FICUS_TOKEN: 'secret' },
        cwd: dir,
      },
    );
    t.equal(set, 0);
    t.match(await (await fetch(`${url}/api/reviews`)).json(), { servedBy: 'reviews' });
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    t.equal(code, 0, stderr);
    t.match(stderr, /SIGTERM, draining[\s\S]*stopped\n$/);
  },
);
