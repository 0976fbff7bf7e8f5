// Starts the reviews service on a port, for `main.ts`, tests, the contract check and `ficus demo`.
import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './build-app.js';
import { openReviewsDb } from './db/open-reviews-db.js';
import { httpUpstreamApis, type UpstreamApis } from './upstream/upstream-apis.js';

export interface StartReviewsServiceOptions {
  /** The service's own database (created empty if missing; fill it with the data move). */
  dbPath: string;
  host?: string;
  /** Default 0 (any free port); `main.ts` defaults to 4001. */
  port?: number;
  /** Accounts and orders API base URL (default http://127.0.0.1:3000, the monolith). */
  monolithUrl?: string;
  /** Catalog API base URL (default: `monolithUrl`). */
  catalogUrl?: string;
  /** Replaces the HTTP clients (tests). */
  upstream?: UpstreamApis;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

export async function startReviewsService(options: StartReviewsServiceOptions): Promise<RunningService> {
  const monolithUrl = options.monolithUrl ?? 'http://127.0.0.1:3000';
  const upstream =
    options.upstream ??
    httpUpstreamApis({ accountsUrl: monolithUrl, catalogUrl: options.catalogUrl ?? monolithUrl });
  const app = buildApp({
    db: openReviewsDb(options.dbPath),
    upstream,
    ...(options.now !== undefined ? { now: options.now } : {}),
    logger: options.logger ?? false,
  });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return { url: `http://${host}:${port}`, close: () => app.close() };
}
