// `npm run data-move -w extracted-services/catalog -- --from monolith.sqlite --to catalog.sqlite`: the command line.
import { runDataMoveCli } from '@ficus/tools/data-move';
import { moveCatalogData } from './catalog-tables.js';

process.exitCode = runDataMoveCli(
  {
    usage:
      'npm run data-move -w extracted-services/catalog -- --from <monolith.sqlite> --to <catalog.sqlite>',
    description: `Copies the catalog's tables (categories, products) and read-only copies of prices and stock from the monolith's
database into the service's database, in primary-key batches, then verifies row counts and SHA-256 checksums.
While the monolith still writes products, run it again to bring the copy level (equal rows are not rewritten,
rows gone from the source are deleted). A killed run resumes where it stopped.`,
    move: (options) => moveCatalogData(options),
  },
  process.argv.slice(2),
);
