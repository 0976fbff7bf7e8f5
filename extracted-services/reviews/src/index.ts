// The reviews service's public API: build it, start it, move its data (with @ficus/tools/data-move), check its contract.
export { buildApp, type BuildAppOptions } from './build-app.js';
export {
  startReviewsService,
  type RunningService,
  type StartReviewsServiceOptions,
} from './start-reviews-service.js';
export { openReviewsDb, type Db } from './db/open-reviews-db.js';
export {
  httpUpstreamApis,
  type Credentials,
  type HttpUpstreamOptions,
  type SessionUser,
  type UpstreamApis,
} from './upstream/upstream-apis.js';
export { moveReviewsData, REVIEWS_TABLES } from './data-move/reviews-tables.js';
export { checkReviewsContract, type CheckContractOptions } from './contract/check-reviews-contract.js';
export { buildReviewsCorpus, REVIEWS_ROUTES } from './contract/reviews-corpus.js';
