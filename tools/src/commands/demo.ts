// `ficus demo`: start the sample migration on embedded defaults. For now this is the sample monolith alone; the
// proxy and the extracted services join it as they are built (issue #6).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startMonolith } from '@ficus/monolith';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';

const HELP = `Usage: ficus demo [--host H] [--port N] [--db FILE]

Start the sample legacy monolith (an online store on one SQLite database, seeded on first start)
and print what to try. Stops cleanly on Ctrl-C.

Options:
  --host H     address to listen on (default 127.0.0.1)
  --port N     port of the monolith (default 3000)
  --db FILE    SQLite file (default monolith/data/store.sqlite; created and seeded when missing)

Today the demo runs the monolith only; the strangler proxy and the extracted services join it in issue #6.
`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Start the sample monolith (and, later, the extracted services and the proxy) on embedded defaults',
  help: HELP,
  async run(argv, io): Promise<number> {
    const { values } = parseDemoArgs(argv);
    const port = values.port === undefined ? 3000 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new CliError('FICUS_CLI_USAGE', `--port must be an integer from 0 to 65535, got "${values.port}"`);
    }
    const host = values.host ?? '127.0.0.1';
    const dbPath = values.db === undefined ? undefined : resolve(io.cwd, values.db);
    io.stderr.write('Starting the sample monolith (the first start seeds the database)…\n');
    const monolith = await startMonolith({ host, port, ...(dbPath === undefined ? {} : { dbPath }) });
    io.stdout.write(
      [
        '',
        `Sample monolith: ${monolith.url}`,
        '',
        'Try:',
        `  curl ${monolith.url}/api/products?pageSize=3`,
        `  curl ${monolith.url}/api/products/1/reviews`,
        `  curl ${monolith.url}/api/categories`,
        `  curl -X POST ${monolith.url}/api/sessions -H 'content-type: application/json' \\`,
        `       -d '{"email":"user1@example.com","password":"password1"}'`,
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await waitForSignal();
    io.stderr.write('Stopping…\n');
    await monolith.close();
    return 0;
  },
};

function parseDemoArgs(argv: readonly string[]): { values: { host?: string; port?: string; db?: string } } {
  try {
    return parseArgs({
      args: [...argv],
      options: { host: { type: 'string' }, port: { type: 'string' }, db: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new CliError('FICUS_CLI_USAGE', (error as Error).message, { cause: error });
  }
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
