// The catalog service's public API: build it, start it, move its data (with @ficus/tools/data-move), check its contract.
export { buildApp, type BuildAppOptions } from './build-app.js';
export {
  startCatalogService,
  type RunningService,
  type StartCatalogServiceOptions,
} from './start-catalog-service.js';
export { openCatalogDb, type Db } from './db/open-catalog-db.js';
export { moveCatalogData, CATALOG_TABLES } from './data-move/catalog-tables.js';
export { checkCatalogContract, type CheckContractOptions } from './contract/check-catalog-contract.js';
export { buildCatalogCorpus, CATALOG_ROUTES } from './contract/catalog-corpus.js';
