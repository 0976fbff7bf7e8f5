// `npm run data-move -w extracted-services/reviews -- --from monolith.sqlite --to reviews.sqlite`: the command line.
import { runDataMoveCli } from '@ficus/tools/data-move';
import { moveReviewsData } from './reviews-tables.js';

process.exitCode = runDataMoveCli(
  {
    usage:
      'npm run data-move -w extracted-services/reviews -- --from <monolith.sqlite> --to <reviews.sqlite>',
    description: `Copies the reviews tables (reviews, review_votes; owned by the service from now on) and read-only copies of
users(id, name) and products(id) from the monolith's database into the service's database, in primary-key
batches, then verifies row counts and SHA-256 checksums. Safe to run again: owned tables are never overwritten
once moved, copies are brought level, equal rows are not rewritten. A killed run resumes where it stopped.`,
    move: (options) => moveReviewsData(options),
  },
  process.argv.slice(2),
);
