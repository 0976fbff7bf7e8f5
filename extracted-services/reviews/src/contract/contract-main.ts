// `npm run contract -w extracted-services/reviews`: replays the corpus against a scratch monolith and service.
import { runContractCli } from '@ficus/tools/contract-check';
import { checkReviewsContract } from './check-reviews-contract.js';

process.exitCode = await runContractCli(
  {
    usage: 'npm run contract -w extracted-services/reviews',
    description: `Starts the monolith and the reviews service on loopback, each on a fresh copy of the same seeded data (the service's
filled by the data move), replays a corpus of more than 100 requests built from the monolith's route inventory
(existing and missing ids, pagination, sorts, bad input, writes with and without a session) against both in the same
order, and compares every pair of responses with the strangler proxy's compareResponses.`,
    check: (options) => checkReviewsContract(options),
  },
  process.argv.slice(2),
);
