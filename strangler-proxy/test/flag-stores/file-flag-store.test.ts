import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import type { Test } from 'tap';
import { FileFlagStore } from '../../src/flag-stores/file-flag-store.js';
import type { FileFlagStoreOptions } from '../../src/flag-stores/file-flag-store.js';
import type { FlagSnapshot } from '../../src/flag-stores/flag-store.js';
import { runFlagStoreContract, steppingClock } from './flag-store-contract.js';

const RACE_WRITER = fileURLToPath(new URL('./race-writer.js', import.meta.url));

async function tempDir(t: Test): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ficus-flags-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A store with the watch and poll off unless asked: tests drive `refresh()` so nothing depends on timing. */
function openStore(t: Test, path: string, options: Partial<FileFlagStoreOptions> = {}): FileFlagStore {
  const store = new FileFlagStore({
    path,
    clock: steppingClock(),
    pollIntervalMs: 0,
    watch: false,
    ...options,
  });
  t.teardown(() => store.close());
  return store;
}

function nextSnapshot(store: FileFlagStore): Promise<FlagSnapshot> {
  return new Promise((resolve) => {
    const off = store.subscribe((snapshot) => {
      off();
      resolve(snapshot);
    });
  });
}

function nextError(store: FileFlagStore): Promise<Error> {
  return new Promise((resolve) => {
    const off = store.subscribe(
      () => undefined,
      (error) => {
        off();
        resolve(error);
      },
    );
  });
}

function runChild(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RACE_WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

t.test('the file store passes the flag store contract', async (t) => {
  runFlagStoreContract(t, async (tt, clock) => {
    const dir = await tempDir(tt);
    return {
      store: new FileFlagStore({ path: join(dir, 'flags.json'), clock, pollIntervalMs: 0, watch: false }),
    };
  });
});

t.test(
  'flags live in one JSON file and the audit in JSON Lines beside it, with no temp files left',
  async (t) => {
    const dir = await tempDir(t);
    const store = openStore(t, join(dir, 'state', 'flags.json'));
    for (let v = 0; v < 5; v++) await store.set('r', { stage: 'canary', percent: v, reason: 'ramp' }, v, 'x');
    await store.set('r', { stage: 'canary', percent: 9, reason: 'late' }, 1, 'y');
    const file = JSON.parse(await readFile(join(dir, 'state', 'flags.json'), 'utf8'));
    t.match(file, { schemaVersion: 1, flags: { r: { routeId: 'r', version: 5, percent: 4 } } });
    const lines = (await readFile(join(dir, 'state', 'flags.audit.jsonl'), 'utf8')).trim().split('\n');
    t.same(
      lines.map((line) => JSON.parse(line).result),
      ['ok', 'ok', 'ok', 'ok', 'ok', 'conflict'],
    );
    t.same((await readdir(join(dir, 'state'))).sort(), ['flags.audit.jsonl', 'flags.json']);
  },
);

t.test(
  'the audit trail is read from its end: order, filter and limit hold across chunk boundaries',
  async (t) => {
    const dir = await tempDir(t);
    const path = join(dir, 'flags.json');
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({
        at: `t${i}`,
        routeId: i % 3 === 0 ? 'a' : 'b',
        actor: 'x',
        from: null,
        to: null,
        reason: `ü${'-'.repeat(i % 97)}${i}`,
        result: 'ok',
      }),
    );
    // A torn last line, as a crash mid-append would leave it, is skipped.
    await writeFile(join(dir, 'flags.audit.jsonl'), `${lines.join('\n')}\n{"at":"torn`);
    const store = openStore(t, path);
    const newest = await store.audit({ limit: 1000 });
    t.same(
      newest.map((e) => e.at),
      Array.from({ length: 1000 }, (_, i) => `t${2999 - i}`),
    );
    const onlyA = await store.audit({ routeId: 'a', limit: 1000 });
    t.equal(onlyA.length, 1000);
    t.ok(onlyA.every((e, i) => e.routeId === 'a' && e.at === `t${2997 - 3 * i}`));
    t.equal((await store.audit({ limit: 5000 })).length, 3000, 'the first line is read too');
    t.match((await store.audit({ limit: 5000 })).at(-1), { at: 't0', reason: 'ü0' });
  },
);

t.test('a reader never sees a partial flags file while writes go on', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'flags.json');
  const store = openStore(t, path);
  await store.set('r', { stage: 'canary', percent: 0, reason: 'start' }, 0, 'x');
  let writing = true;
  let reads = 0;
  const reader = (async () => {
    while (writing) {
      const text = await readFile(path, 'utf8');
      JSON.parse(text); // throws on a torn file
      reads++;
    }
  })();
  for (let v = 1; v <= 40; v++) {
    await store.set(
      `r${v % 7}`,
      { stage: 'canary', percent: v, reason: 'x'.repeat(2000) },
      (await store.get(`r${v % 7}`))?.version ?? 0,
      'x',
    );
  }
  writing = false;
  await reader;
  t.ok(reads > 0, `the reader parsed ${reads} complete files`);
});

// Above Linux's largest pid_max (2^22): never a live process.
const DEAD_PID = 2 ** 22 + 12345;

t.test('temp files of a writer that died are removed on open', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, `flags.json.${DEAD_PID}.abcdef.tmp`), '{"half":');
  await writeFile(join(dir, `flags.json.${process.pid}.abcdef.tmp`), 'a live writer of ours');
  const store = openStore(t, join(dir, 'flags.json'));
  await store.list();
  t.same((await readdir(dir)).sort(), [`flags.json.${process.pid}.abcdef.tmp`]);
});

t.test('a change made by another store on the same file is pushed to subscribers', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'flags.json');
  const proxy = openStore(t, path);
  const cli = openStore(t, path);
  await proxy.list();
  const pushed = nextSnapshot(proxy);
  await cli.set('r', { stage: 'service', reason: 'flip' }, 0, 'cli');
  await proxy.refresh();
  t.equal((await pushed).flags.get('r')?.stage, 'service');
  t.equal((await proxy.get('r'))?.updatedBy, 'cli');
});

t.test('the folder watch picks up another process writing the file without any call', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'flags.json');
  const proxy = openStore(t, path, { watch: true, pollIntervalMs: 200 });
  const keepAlive = setInterval(() => undefined, 1000); // the watch and poll do not hold the loop open
  t.teardown(() => clearInterval(keepAlive));
  await proxy.list();
  const pushed = nextSnapshot(proxy);
  const child = await runChild([path, 'r', '1', 'child']);
  t.equal(child.code, 0, child.stderr);
  t.equal((await pushed).flags.get('r')?.updatedBy, 'child');
});

t.test('with the watch off, the stat poll alone picks up another writer', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'flags.json');
  const proxy = openStore(t, path, { watch: false, pollIntervalMs: 20 });
  // The poll timer is unref'd (it must not keep a stopping proxy alive); here nothing else holds the loop open.
  const keepAlive = setInterval(() => undefined, 1000);
  t.teardown(() => clearInterval(keepAlive));
  await proxy.list();
  const pushed = nextSnapshot(proxy);
  const other = openStore(t, path);
  await other.set('r', { stage: 'shadow', reason: 'compare' }, 0, 'other');
  t.equal((await pushed).flags.get('r')?.stage, 'shadow');
});

t.test('two processes racing on one route: exactly one write wins per version', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'flags.json');
  const [a, b] = await Promise.all([runChild([path, 'r', '15', 'a']), runChild([path, 'r', '15', 'b'])]);
  t.equal(a.code, 0, a.stderr);
  t.equal(b.code, 0, b.stderr);
  const store = openStore(t, path);
  t.equal((await store.get('r'))?.version, 30);
  const ok = (await store.audit({ routeId: 'r', limit: 1000 })).filter((e) => e.result === 'ok');
  t.equal(ok.length, 30);
  t.same(
    ok.map((e) => e.from?.version ?? 0).sort((x, y) => x - y),
    Array.from({ length: 30 }, (_, i) => i),
    'each version written once',
  );
  t.notOk((await readdir(dir)).includes('flags.json.lock'), 'the lock is released');
});

t.test('a corrupt file is reported to subscribers and the last good flags stay', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'flags.json');
  const store = openStore(t, path);
  await store.set('r', { stage: 'service', reason: 'live' }, 0, 'x');
  const reported = nextError(store);
  await writeFile(path, '{"schemaVersion": 1, "flags": {"r": ');
  await store.refresh();
  t.match(await reported, { code: 'FICUS_PROXY_FLAG_STORE_UNREADABLE' });
  t.equal((await store.get('r'))?.stage, 'service', 'last good state');
  await t.rejects(
    store.set('r', { stage: 'monolith', reason: 'x' }, 1, 'x'),
    { code: 'FICUS_PROXY_FLAG_STORE_UNREADABLE' },
    'no write over a file it cannot read',
  );
  const recovered = nextSnapshot(store);
  await writeFile(path, JSON.stringify({ schemaVersion: 1, flags: {} }));
  await store.refresh();
  t.equal((await recovered).flags.size, 0, 'a repaired file is picked up');
});

t.test(
  'one bad route value is listed as invalid, the others still apply, and its numbering continues',
  async (t) => {
    const dir = await tempDir(t);
    const path = join(dir, 'flags.json');
    const good = {
      routeId: 'good',
      stage: 'service',
      percent: 0,
      shadowPercent: 0,
      stickyBy: 'ip',
      version: 2,
      updatedAt: '2026-01-01T00:00:00Z',
      updatedBy: 'x',
      reason: 'x',
    };
    await writeFile(
      path,
      JSON.stringify({
        schemaVersion: 1,
        flags: { good, bad: { ...good, routeId: 'bad', stage: 'sideways', version: 4 } },
      }),
    );
    const store = openStore(t, path);
    const snapshot = await store.list();
    t.same([...snapshot.flags.keys()], ['good']);
    t.match(snapshot.invalid, [{ routeId: 'bad', problem: /stage/, version: 4 }]);
    t.match(await store.set('bad', { stage: 'monolith', reason: 'repair' }, 4, 'x'), {
      ok: true,
      flag: { version: 5 },
    });
    t.same((await store.list()).invalid, []);
  },
);

t.test(
  'a file unreadable from the start makes reads fail loudly rather than serve empty flags',
  async (t) => {
    const dir = await tempDir(t);
    const path = join(dir, 'flags.json');
    await writeFile(path, 'not json');
    const store = openStore(t, path);
    await t.rejects(store.list(), { code: 'FICUS_PROXY_FLAG_STORE_UNREADABLE' });
    t.equal(await readFile(path, 'utf8'), 'not json');
  },
);

t.test('closing at once after opening finishes the start first, so the folder can go', async (t) => {
  const dir = await tempDir(t);
  const store = new FileFlagStore({ path: join(dir, 'flags.json'), watch: true, pollIntervalMs: 10 });
  await store.close();
  await rm(dir, { recursive: true, force: true });
  await t.rejects(store.list(), { code: 'FICUS_PROXY_FLAG_STORE_CLOSED' });
});

t.test('a flag folder that cannot be created fails every call with a clear code', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'not-a-folder'), '');
  const store = openStore(t, join(dir, 'not-a-folder', 'flags.json'));
  await t.rejects(store.list(), {
    code: 'FICUS_PROXY_FLAG_STORE_UNREADABLE',
    message: /cannot create the flag folder/,
  });
  await t.rejects(store.set('r', { stage: 'service', reason: 'x' }, 0, 'x'), {
    code: 'FICUS_PROXY_FLAG_STORE_UNREADABLE',
  });
});

t.test('a lock left by a dead process is broken; one held by a live process times out', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'flags.json');
  await writeFile(`${path}.lock`, JSON.stringify({ pid: DEAD_PID, host: hostname(), token: 'dead' }));
  const store = openStore(t, path, { lock: { timeoutMs: 100 } });
  t.ok((await store.set('r', { stage: 'service', reason: 'x' }, 0, 'x')).ok, 'stale lock broken');
  await writeFile(`${path}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), token: 'live' }));
  await t.rejects(store.set('r', { stage: 'monolith', reason: 'x' }, 1, 'x'), {
    code: 'FICUS_PROXY_FLAG_STORE_LOCKED',
  });
  t.equal(JSON.parse(await readFile(`${path}.lock`, 'utf8')).token, 'live', 'a live lock is left alone');
});
