// `npm run contract -w extracted-services/catalog`: replays the corpus against a scratch monolith and service.
import { parseArgs } from 'node:util';
import { errorLine } from '../errors.js';
import { checkCatalogContract } from './check-catalog-contract.js';
import { formatContractResult } from '@ficus/tools/contract-check';

const HELP = `Usage: npm run contract -w extracted-services/catalog

Starts the monolith and the catalog service on loopback, each on a fresh copy of the same seeded data (the service's
filled by the data move), replays a corpus of more than 100 requests built from the monolith's route inventory
(existing and missing ids and slugs, every sort and filter, pagination, search terms, bad input, callers with and
without a session) against both in the same order, and compares every pair of responses with the strangler proxy's compareResponses.

Prints one line per route: requests, matches, the first difference. Exit codes: 0 all match, 1 a mismatch or a
failure, 2 usage error.`;

async function main(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help === true) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
  } catch (error) {
    process.stderr.write(errorLine('FICUS_SERVICE_USAGE', (error as Error).message));
    return 2;
  }
  try {
    const result = await checkCatalogContract({ progress: (line) => process.stderr.write(`${line}\n`) });
    process.stdout.write(`${formatContractResult(result)}\n`);
    if (result.ok) return 0;
    process.stderr.write(
      errorLine(
        'FICUS_SERVICE_CONTRACT_MISMATCH',
        `${result.requests - result.matches} of ${result.requests} responses differ`,
      ),
    );
    return 1;
  } catch (error) {
    process.stderr.write(errorLine('FICUS_SERVICE_CONTRACT_FAILED', (error as Error).message));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
