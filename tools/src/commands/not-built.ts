// A command of the design that is not built yet: it says so and exits 2, it never pretends to work.
import type { Command } from '../command.js';
import { CliError } from '../errors.js';

export function notBuilt(name: string, summary: string, usage: string, issue: number): Command {
  const help = `Usage: ${usage}\n\n${summary}\n\nNot built yet (issue #${issue}).\n`;
  return {
    name,
    summary: `${summary} (not built yet)`,
    help,
    async run(): Promise<number> {
      throw new CliError('FICUS_CLI_NOT_BUILT', `\`ficus ${name}\` is not built yet (issue #${issue}).`);
    },
  };
}
