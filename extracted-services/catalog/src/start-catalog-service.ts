// Starts the catalog service on a port, for `main.ts`, tests, the contract check and `ficus demo`.
import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './build-app.js';
import { moveCatalogData } from './data-move/catalog-tables.js';
import type { MoveResult } from '@ficus/tools/data-move';
import { openCatalogDb } from './db/open-catalog-db.js';

export interface StartCatalogServiceOptions {
  /** The service's own database (created empty if missing; fill it with the data move). */
  dbPath: string;
  host?: string;
  /** Default 0 (any free port); `main.ts` defaults to 4002. */
  port?: number;
  logger?: FastifyServerOptions['logger'];
  /**
   * The monolith's database file. While the monolith still writes products, prices and stock, the service re-runs
   * its data move from there every `syncEveryMs` (default 5000), so its copies trail by at most that long.
   */
  syncFrom?: string;
  syncEveryMs?: number;
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
  /** Runs the data move from `syncFrom` now (present only when `syncFrom` is set). */
  sync?: () => MoveResult;
}

export async function startCatalogService(options: StartCatalogServiceOptions): Promise<RunningService> {
  const app = buildApp({ db: openCatalogDb(options.dbPath), logger: options.logger ?? false });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const url = `http://${host}:${port}`;
  const syncFrom = options.syncFrom;
  if (syncFrom === undefined) return { url, close: () => app.close() };

  const sync = (): MoveResult => {
    const result = moveCatalogData({ from: syncFrom, to: options.dbPath });
    const changed = result.tables.filter((t) => t.rowsWritten + t.rowsDeleted > 0);
    if (changed.length > 0 || result.tables.some((t) => !t.verified)) {
      app.log.info(
        {
          tables: result.tables.map((t) => ({
            table: t.table,
            written: t.rowsWritten,
            deleted: t.rowsDeleted,
            verified: t.verified,
          })),
        },
        'catalog copy synced',
      );
    }
    return result;
  };
  const timer = setInterval(() => {
    try {
      sync();
    } catch (error) {
      // A failed sync leaves the last good copy serving; the next tick tries again.
      app.log.warn({ err: error }, 'catalog sync failed');
    }
  }, options.syncEveryMs ?? 5000);
  timer.unref();
  return {
    url,
    sync,
    close: async () => {
      clearInterval(timer);
      await app.close();
    },
  };
}
