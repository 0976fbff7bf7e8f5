// The whole catalog contract check: scratch copies of the seeded store, the data move, both servers on loopback, the
// corpus replayed and compared. Tests and `npm run contract` call this.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRoutes, seededTemplate, signInSeedUser, startMonolith } from '@ficus/monolith';
import { moveCatalogData } from '../data-move/catalog-tables.js';
import { startCatalogService } from '../start-catalog-service.js';
import {
  compareResponses,
  runContract,
  seedLogin,
  type CompareResponses,
  type ContractResult,
} from '@ficus/tools/contract-check';
import { buildCatalogCorpus } from './catalog-corpus.js';
import { readCatalogFacts } from './catalog-facts.js';

export interface CheckContractOptions {
  compare?: CompareResponses;
  progress?: (line: string) => void;
}

export async function checkCatalogContract(options: CheckContractOptions = {}): Promise<ContractResult> {
  const compare = options.compare ?? compareResponses;
  const dir = mkdtempSync(join(tmpdir(), 'ficus-catalog-contract-'));
  const monolithDb = join(dir, 'monolith.sqlite');
  copyFileSync(seededTemplate(), monolithDb);
  const facts = readCatalogFacts(monolithDb);
  moveCatalogData({ from: monolithDb, to: join(dir, 'catalog.sqlite') });

  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  try {
    const monolith = await startMonolith({ dbPath: monolithDb });
    cleanups.unshift(() => monolith.close());
    const service = await startCatalogService({ dbPath: join(dir, 'catalog.sqlite') });
    cleanups.unshift(() => service.close());
    const corpus = buildCatalogCorpus(listRoutes(), facts);
    options.progress?.(
      `contract: ${corpus.length} requests over ${new Set(corpus.map((r) => r.route)).size} routes`,
    );
    return await runContract({
      corpus,
      monolithUrl: monolith.url,
      serviceUrl: service.url,
      compare,
      login: seedLogin((who) => signInSeedUser(monolith.url, who)),
      ...(options.progress !== undefined ? { progress: options.progress } : {}),
    });
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}
