// Puts a real `ficus proxy` process in front of the sample monolith, for the monolith's own route tests:
//   MONOLITH_TEST_FRONT=$PWD/tools/dist/test/through-proxy/ficus-proxy-front.js tap monolith/dist/test/controllers
// (`npm run test:through-proxy`). Every request of those tests then crosses the CLI-started proxy.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FICUS_BIN = fileURLToPath(new URL('../../src/bin/ficus.js', import.meta.url));
const START_TIMEOUT_MS = 20_000;

export async function front(upstreamUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-front-'));
  const configPath = join(dir, 'ficus.config.yaml');
  writeFileSync(
    configPath,
    [
      'proxy:',
      '  listen: { host: 127.0.0.1, port: 0 }',
      '  admin: { host: 127.0.0.1, port: 0 }',
      `monolith: { url: ${upstreamUrl} }`,
      'flags: { store: { kind: file, path: flags.json } }',
      '',
    ].join('\n'),
  );
  const child = spawn(process.execPath, [FICUS_BIN, 'proxy', '--config', configPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ficus proxy did not start within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const match = /traffic on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ficus proxy exited with ${code} before listening: ${stderr}`));
    });
  });
  return {
    url,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
