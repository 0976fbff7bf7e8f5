import t from 'tap';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMonolith } from '../src/start-monolith.js';
import { startStore } from './helpers/start-store.js';

t.test('startMonolith creates, seeds and serves a database at a given path', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-monolith-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const dbPath = join(dir, 'nested', 'store.sqlite');
  const store = await startMonolith({ dbPath });
  t.teardown(() => store.close());
  t.ok(existsSync(dbPath));
  t.match(store.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const products = (await (await fetch(`${store.url}/api/products?pageSize=1`)).json()) as { total: number };
  t.ok(products.total > 2800);
});

t.test('each started store has its own copy of the data', async (t) => {
  const a = await startMonolith();
  const b = await startMonolith();
  t.teardown(() => Promise.all([a.close(), b.close()]));
  await fetch(`${a.url}/api/accounts/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'only-in-a@example.com', password: 'long-enough', name: 'A' }),
  });
  const login = (url: string): Promise<number> =>
    fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'only-in-a@example.com', password: 'long-enough' }),
    }).then((r) => r.status);
  t.equal(await login(a.url), 201);
  t.equal(await login(b.url), 401);
});

t.test('startStore puts the front named by MONOLITH_TEST_FRONT before the store', async (t) => {
  const previous = process.env.MONOLITH_TEST_FRONT;
  process.env.MONOLITH_TEST_FRONT = fileURLToPath(new URL('../../test/fixtures/front.js', import.meta.url));
  t.teardown(() => {
    if (previous === undefined) delete process.env.MONOLITH_TEST_FRONT;
    else process.env.MONOLITH_TEST_FRONT = previous;
  });
  const { url } = await startStore(t);
  const reply = await fetch(`${url}/healthz`);
  t.equal(reply.status, 200);
  t.equal(reply.headers.get('x-test-front'), 'yes');
});

t.test('startStore refuses a relative MONOLITH_TEST_FRONT', async (t) => {
  const previous = process.env.MONOLITH_TEST_FRONT;
  process.env.MONOLITH_TEST_FRONT = 'relative/front.js';
  t.teardown(() => {
    if (previous === undefined) delete process.env.MONOLITH_TEST_FRONT;
    else process.env.MONOLITH_TEST_FRONT = previous;
  });
  await t.rejects(startStore(t), /absolute path/);
});
