// `ficus proxy`: runs the strangler proxy from a config file until SIGINT or SIGTERM, then drains and exits.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, startProxy } from '@ficus/strangler-proxy';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';

const DEFAULT_CONFIG = 'ficus.config.yaml';

const help = `Usage: ficus proxy [--config F]

Run the strangler proxy: the traffic listener and the admin API, as the static
config describes them. Route flags come from the config's flag store; change them
with \`ficus flags\` while the proxy runs.

Options:
  --config F    the static config (default ./${DEFAULT_CONFIG}, or FICUS_CONFIG)
  -h, --help    show this help

Output: the listening URLs on stderr; one JSON log line per request on stdout.
SIGINT or SIGTERM stops accepting, drains in-flight requests and exits 0; a second
signal exits at once with 130.

Exit codes: 0 stopped cleanly; 1 the proxy failed to start or run (for example the
port is taken); 2 the command line or the config is wrong (every config problem is
printed with its path, as FICUS_PROXY_CONFIG_INVALID).
`;

/** Config-shaped failures: the input named on the command line is wrong, so they exit 2 like usage errors. */
const CONFIG_CODES = new Set([
  'FICUS_PROXY_CONFIG_INVALID',
  'FICUS_PROXY_CONFIG_UNREADABLE',
  'FICUS_PROXY_FLAG_STORE_UNSUPPORTED',
]);

export interface ProxyCommandDeps {
  /** Resolves with the signal name when the proxy should stop. */
  waitForStop(): Promise<string>;
}

export function createProxyCommand(deps: ProxyCommandDeps = { waitForStop: processSignals }): Command {
  return {
    name: 'proxy',
    summary: 'Run the strangler proxy',
    help,
    async run(argv, io) {
      const configPath = resolve(io.cwd, parseConfigOption(argv) ?? io.env.FICUS_CONFIG ?? DEFAULT_CONFIG);
      let proxy;
      try {
        const config = await loadConfig(configPath);
        proxy = await startProxy(config, { logDestination: io.stdout });
      } catch (error) {
        const code = proxyCodeOf(error);
        if (code === null) throw error;
        io.stderr.write(`${code}: ${(error as Error).message}\n`);
        return CONFIG_CODES.has(code) ? 2 : 1;
      }
      io.stderr.write(`ficus proxy: traffic on ${proxy.url}\n`);
      io.stderr.write(
        proxy.adminUrl === ''
          ? 'ficus proxy: admin API off\n'
          : `ficus proxy: admin API on ${proxy.adminUrl}\n`,
      );
      const signal = await deps.waitForStop();
      io.stderr.write(`ficus proxy: ${signal}, draining in-flight requests (signal again to exit at once)\n`);
      await proxy.close();
      io.stderr.write('ficus proxy: stopped\n');
      return 0;
    },
  };
}

export const proxyCommand: Command = createProxyCommand();

/** The proxy's stable error code, if `error` carries one. */
function proxyCodeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('FICUS_PROXY_') ? code : null;
}

function parseConfigOption(argv: readonly string[]): string | undefined {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { config: { type: 'string' } },
    });
    return values.config;
  } catch (error) {
    throw new CliError('FICUS_CLI_USAGE', (error as Error).message);
  }
}

/** The first SIGINT/SIGTERM asks for a graceful stop; a second one means the operator will not wait for draining. */
function processSignals(): Promise<string> {
  return new Promise((resolveStop) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) process.exit(130);
      stopping = true;
      resolveStop(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
