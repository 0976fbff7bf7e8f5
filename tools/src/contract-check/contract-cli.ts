// The command line every service's `npm run contract` shares: run the check, print the table, exit 1 on a mismatch.
import { parseArgs } from 'node:util';
import { processIo, type LineIo } from '../data-move/data-move-cli.js';
import { formatContractResult } from './format-contract-result.js';
import type { ContractResult } from './run-contract.js';

export interface ContractCli {
  readonly usage: string;
  readonly description: string;
  readonly check: (options: { progress: (line: string) => void }) => Promise<ContractResult>;
}

export async function runContractCli(
  cli: ContractCli,
  argv: readonly string[],
  io: LineIo = processIo(),
): Promise<number> {
  try {
    const { values } = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help === true) {
      io.stdout(
        `Usage: ${cli.usage}\n\n${cli.description}\n\nPrints one line per route: requests, matches, the first ` +
          'difference.\nExit codes: 0 all match, 1 a mismatch or a failure, 2 usage error.\n',
      );
      return 0;
    }
  } catch (error) {
    io.stderr(`FICUS_CLI_USAGE: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const result = await cli.check({ progress: (line) => io.stderr(`${line}\n`) });
    io.stdout(`${formatContractResult(result)}\n`);
    if (result.ok) return 0;
    io.stderr(
      `FICUS_CLI_CONTRACT_MISMATCH: ${result.requests - result.matches} of ${result.requests} responses differ\n`,
    );
    return 1;
  } catch (error) {
    io.stderr(`FICUS_CLI_CONTRACT_FAILED: ${(error as Error).message}\n`);
    return 1;
  }
}
