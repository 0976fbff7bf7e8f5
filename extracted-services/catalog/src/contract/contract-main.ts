// `npm run contract -w extracted-services/catalog`: replays the corpus against a scratch monolith and service.
import { runContractCli } from '@ficus/tools/contract-check';
import { checkCatalogContract } from './check-catalog-contract.js';

process.exitCode = await runContractCli(
  {
    usage: 'npm run contract -w extracted-services/catalog',
    description: `Starts the monolith and the catalog service on loopback, each on a fresh copy of the same seeded data (the service's
filled by the data move), replays a corpus of more than 100 requests built from the monolith's route inventory
(existing and missing ids and slugs, every sort and filter, pagination, search terms, bad input, callers with and
without a session) against both in the same order, and compares every pair of responses with the strangler proxy's compareResponses.`,
    check: (options) => checkCatalogContract(options),
  },
  process.argv.slice(2),
);
