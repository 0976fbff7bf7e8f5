// `ficus demo`: the whole migration on embedded defaults: the sample monolith, the extracted reviews and catalog
// services (each with its data moved from the monolith), and the strangler proxy in front, as real processes.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command, CliIo } from '../command.js';
import { CliError } from '../errors.js';
import { DEFAULT_DEMO_PORTS, startDemo, type RunningDemo } from '../demo/run-demo.js';
import type { DemoPorts } from '../demo/demo-config.js';

const HELP = `Usage: ficus demo [--dir D] [--port N] [--admin-port N] [--monolith-port N]
                  [--reviews-port N] [--catalog-port N]

Start the migration demo on 127.0.0.1: the sample monolith (an online store on one SQLite database, seeded on
the first start), the extracted reviews and catalog services (their tables moved from the monolith's database,
verified by row counts and checksums), and the strangler proxy in front of them with a generated
ficus.config.yaml, a file flag store and fresh tokens. Every route starts on the monolith; move routes with
\`ficus flags set\`. Ctrl-C stops everything.

Options:
  --dir D             folder for databases, config, flags, tokens and logs (default .ficus/demo)
  --port N            the proxy (default ${DEFAULT_DEMO_PORTS.proxy})
  --admin-port N      the proxy's admin API (default ${DEFAULT_DEMO_PORTS.admin})
  --monolith-port N   the monolith (default ${DEFAULT_DEMO_PORTS.monolith})
  --reviews-port N    the reviews service (default ${DEFAULT_DEMO_PORTS.reviews})
  --catalog-port N    the catalog service (default ${DEFAULT_DEMO_PORTS.catalog})

Exit codes: 0 stopped cleanly, 1 a process failed to start (its log is named), 2 usage error.
`;

const PORT_OPTIONS = {
  port: 'proxy',
  'admin-port': 'admin',
  'monolith-port': 'monolith',
  'reviews-port': 'reviews',
  'catalog-port': 'catalog',
} as const;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Start the sample monolith, the extracted services and the proxy on embedded defaults',
  help: HELP,
  async run(argv, io): Promise<number> {
    const { dir, ports } = parseDemoArgs(argv, io);
    let demo: RunningDemo;
    try {
      demo = await startDemo({ dir, ports, progress: (line) => io.stderr.write(`ficus demo: ${line}\n`) });
    } catch (error) {
      throw new CliError('FICUS_CLI_FAILED', (error as Error).message, { cause: error });
    }
    io.stdout.write(nextSteps(demo, dir));
    for (const child of demo.children) {
      void child.exited.then((how) =>
        io.stderr.write(`ficus demo: ${child.name} (pid ${child.pid}) ended: ${how}\n`),
      );
    }
    await waitForSignal();
    io.stderr.write('ficus demo: stopping (proxy, services, monolith)…\n');
    await demo.stop();
    io.stderr.write('ficus demo: stopped\n');
    return 0;
  },
};

function nextSteps(demo: RunningDemo, dir: string): string {
  const { urls, tokens } = demo;
  return [
    '',
    'Ficus demo is up.',
    '',
    `  proxy (send traffic here)  ${urls.proxy}`,
    `  admin API                  ${urls.admin}`,
    `  monolith                   ${urls.monolith}`,
    `  reviews service            ${urls.reviews}`,
    `  catalog service            ${urls.catalog}`,
    '',
    `  admin token (team platform, role admin)  ${tokens.platform}`,
    `  team tokens, config, flags and logs      ${dir}`,
    '',
    'Try next:',
    `  curl ${urls.proxy}/api/products/1/reviews`,
    `  export FICUS_TOKEN=${tokens.platform}`,
    `  npx ficus flags list --admin ${urls.admin}`,
    `  npx ficus flags set reviews.list shadow --shadow-percent 100 --reason "compare" --admin ${urls.admin}`,
    `  npx ficus flags show reviews.list --admin ${urls.admin}     # the evidence: match rate, mismatching fields`,
    `  npx ficus flags set reviews.list canary --percent 50 --reason "half" --admin ${urls.admin}`,
    `  npx ficus status --admin ${urls.admin}`,
    '  (the README walks through the whole migration)',
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ].join('\n');
}

function parseDemoArgs(argv: readonly string[], io: CliIo): { dir: string; ports: DemoPorts } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        dir: { type: 'string' },
        ...Object.fromEntries(Object.keys(PORT_OPTIONS).map((name) => [name, { type: 'string' as const }])),
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError('FICUS_CLI_USAGE', (error as Error).message, { cause: error });
  }
  const ports: Record<string, number> = { ...DEFAULT_DEMO_PORTS };
  for (const [option, key] of Object.entries(PORT_OPTIONS)) {
    const raw = values[option];
    if (raw === undefined) continue;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new CliError('FICUS_CLI_USAGE', `--${option} must be an integer from 1 to 65535, got "${raw}"`);
    }
    ports[key] = port;
  }
  return { dir: resolve(io.cwd, values.dir ?? '.ficus/demo'), ports: ports as unknown as DemoPorts };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolveSignal) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolveSignal();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
