// Starts a freshly seeded store for one test over real HTTP, optionally behind a front (the proxy re-runs these tests).
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startMonolith } from '../../src/start-monolith.js';

interface Teardownable {
  teardown(fn: () => unknown): void;
}

interface Front {
  url: string;
  close(): Promise<void>;
}

type FrontFactory = (upstreamUrl: string) => Promise<Front>;

async function loadFront(): Promise<FrontFactory | null> {
  const modulePath = process.env.MONOLITH_TEST_FRONT;
  if (modulePath === undefined || modulePath === '') return null;
  if (!isAbsolute(modulePath))
    throw new Error(`MONOLITH_TEST_FRONT must be an absolute path, got ${modulePath}`);
  const mod = (await import(pathToFileURL(modulePath).href)) as { front?: unknown };
  if (typeof mod.front !== 'function')
    throw new Error(`${modulePath} does not export a front(upstreamUrl) function`);
  return mod.front as FrontFactory;
}

export async function startStore(t: Teardownable): Promise<{ url: string }> {
  const store = await startMonolith();
  t.teardown(() => store.close());
  const front = await loadFront();
  if (front === null) return { url: store.url };
  const fronted = await front(store.url);
  // Registered last, so it runs first: the front goes away before the store behind it.
  t.teardown(() => fronted.close());
  return { url: fronted.url };
}
