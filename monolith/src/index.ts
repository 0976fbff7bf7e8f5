// The sample store's public API: build it, open its database, start it seeded, list its routes.
export { buildApp, type BuildAppOptions } from './app.js';
export { openDatabase, type Db, type OpenDatabaseOptions } from './db/connection.js';
export { seedStore, type SeedSummary } from './db/seed/seed-store.js';
export { listRoutes, type RouteEntry } from './list-routes.js';
export {
  startMonolith,
  seededTemplate,
  signInSeedUser,
  type RunningMonolith,
  type StartMonolithOptions,
} from './start-monolith.js';
export { config, type StoreConfig } from './config.js';
export { ADMIN_EMAIL, ADMIN_PASSWORD, SEED_USER_COUNT } from './db/seed/seed-people.js';
export { monolithRoot } from './package-root.js';
