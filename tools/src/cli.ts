// The `ficus` command line: the command table of DESIGN.md §4, `--help`, exit codes and `CODE: message` errors.
import type { CliIo, Command } from './command.js';
import { CliError } from './errors.js';
import { analyzeCommand } from './commands/analyze.js';
import { routesCommand } from './commands/routes.js';
import { proxyCommand } from './commands/proxy.js';
import { flagsCommand } from './commands/flags.js';
import { statusCommand } from './commands/status.js';
import { demoCommand } from './commands/demo.js';

export const COMMANDS: readonly Command[] = [
  analyzeCommand,
  routesCommand,
  proxyCommand,
  flagsCommand,
  statusCommand,
  demoCommand,
];

export const VERSION = '0.1.0';

export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: ficus <command> [options]',
    '',
    'Take a TypeScript monolith apart into services, route by route.',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show help (also `ficus <command> --help`)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 success, 1 findings or failure, 2 usage error.',
    '',
  ].join('\n');
}

/** Runs the CLI and resolves to the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const command = topic === undefined ? undefined : findCommand(topic);
      io.stdout.write(command ? command.help : globalHelp());
      return name === undefined ? 2 : 0;
    }
    if (name === '-v' || name === '--version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const command = findCommand(name);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.help);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`${error.code}: ${error.message}\n`);
      if (error.code === 'FICUS_CLI_USAGE')
        io.stderr.write(`Run \`ficus ${name ?? ''} --help\` for usage.\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`FICUS_CLI_FAILED: ${message}\n`);
    return 1;
  }
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError('FICUS_CLI_USAGE', `unknown command "${name}"`);
  return command;
}
