// Starts the whole migration demo as real processes: monolith → data moves → services → `ficus proxy`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoConfigYaml, newDemoTokens, type DemoPorts, type DemoTokens } from './demo-config.js';
import { runToCompletion, startChild, waitHealthy, type DemoChild } from './child-process.js';

export const DEFAULT_DEMO_PORTS: DemoPorts = {
  proxy: 8080,
  admin: 9901,
  monolith: 3000,
  reviews: 4001,
  catalog: 4002,
};

export interface DemoOptions {
  /** Folder for the databases, config, flags, tokens and logs. Created when missing. */
  readonly dir: string;
  readonly ports: DemoPorts;
  /** Progress lines for a person (stderr). */
  readonly progress: (line: string) => void;
}

export interface RunningDemo {
  readonly urls: { proxy: string; admin: string; monolith: string; reviews: string; catalog: string };
  readonly tokens: DemoTokens;
  readonly configPath: string;
  readonly children: readonly DemoChild[];
  /** Stops every process, the proxy first and the monolith last. */
  stop(): Promise<void>;
}

/** Where a workspace package's compiled entry points live, found through normal package resolution. */
function packageDist(name: string): string {
  return dirname(fileURLToPath(import.meta.resolve(name)));
}

function loadOrCreateTokens(path: string): DemoTokens {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as DemoTokens;
  const tokens = newDemoTokens();
  writeFileSync(path, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  return tokens;
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const { dir, ports, progress } = options;
  const logs = join(dir, 'logs');
  mkdirSync(logs, { recursive: true });
  const local = (port: number): string => `http://127.0.0.1:${port}`;
  const urls = {
    proxy: local(ports.proxy),
    admin: local(ports.admin),
    monolith: local(ports.monolith),
    reviews: local(ports.reviews),
    catalog: local(ports.catalog),
  };
  const monolithDist = packageDist('@ficus/monolith');
  const reviewsDist = packageDist('@ficus/reviews-service');
  const catalogDist = packageDist('@ficus/catalog-service');
  const ficusBin = fileURLToPath(new URL('../bin/ficus.js', import.meta.url));
  const monolithDb = join(dir, 'monolith.sqlite');
  const reviewsDb = join(dir, 'reviews.sqlite');
  const catalogDb = join(dir, 'catalog.sqlite');
  const baseEnv = { ...process.env, HOST: '127.0.0.1' };
  const children: DemoChild[] = [];
  const stop = async (): Promise<void> => {
    for (const child of [...children].reverse()) await child.stop();
  };

  try {
    progress(`monolith: starting on ${urls.monolith} (the first start seeds ${monolithDb})`);
    const monolith = startChild({
      name: 'monolith',
      args: [join(monolithDist, 'main.js')],
      env: { ...baseEnv, PORT: String(ports.monolith), MONOLITH_DB: monolithDb },
      logFile: join(logs, 'monolith.log'),
      cwd: dir,
    });
    children.push(monolith);
    await waitHealthy(monolith, `${urls.monolith}/healthz`);

    for (const [name, dist, db] of [
      ['reviews', reviewsDist, reviewsDb],
      ['catalog', catalogDist, catalogDb],
    ] as const) {
      progress(`${name}: moving its data from the monolith's database into ${db}`);
      await runToCompletion({
        name: `${name} data move`,
        args: [join(dist, 'data-move', 'data-move-main.js'), '--from', monolithDb, '--to', db],
        env: baseEnv,
        logFile: join(logs, `${name}-data-move.log`),
        cwd: dir,
      });
    }

    progress(`reviews: starting on ${urls.reviews}`);
    const reviews = startChild({
      name: 'reviews',
      args: [join(reviewsDist, 'main.js')],
      env: { ...baseEnv, PORT: String(ports.reviews), REVIEWS_DB: reviewsDb, MONOLITH_URL: urls.monolith },
      logFile: join(logs, 'reviews.log'),
      cwd: dir,
    });
    children.push(reviews);
    progress(`catalog: starting on ${urls.catalog}`);
    const catalog = startChild({
      name: 'catalog',
      args: [join(catalogDist, 'main.js')],
      env: {
        ...baseEnv,
        PORT: String(ports.catalog),
        CATALOG_DB: catalogDb,
        // Product writes stay in the monolith for now; the service re-syncs its copy from there.
        CATALOG_SYNC_FROM: monolithDb,
      },
      logFile: join(logs, 'catalog.log'),
      cwd: dir,
    });
    children.push(catalog);
    await Promise.all([
      waitHealthy(reviews, `${urls.reviews}/healthz`),
      waitHealthy(catalog, `${urls.catalog}/healthz`),
    ]);

    const tokens = loadOrCreateTokens(join(dir, 'tokens.json'));
    const configPath = join(dir, 'ficus.config.yaml');
    writeFileSync(configPath, demoConfigYaml(ports, tokens, join(dir, 'flags.json')));
    progress(`proxy: starting on ${urls.proxy}, admin API on ${urls.admin}`);
    const proxy = startChild({
      name: 'proxy',
      args: [ficusBin, 'proxy', '--config', configPath],
      env: baseEnv,
      logFile: join(logs, 'proxy.log'),
      cwd: dir,
    });
    children.push(proxy);
    await waitHealthy(proxy, `${urls.admin}/healthz`);
    await waitHealthy(proxy, `${urls.proxy}/healthz`);

    writeFileSync(
      join(dir, 'demo.json'),
      `${JSON.stringify({ urls, configPath, pids: Object.fromEntries(children.map((c) => [c.name, c.pid])) }, null, 2)}\n`,
    );
    return { urls, tokens, configPath, children, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
