// The whole catalog contract check: scratch copies of the seeded store, the data move, both servers on loopback, the
// corpus replayed and compared. Tests and `npm run contract` call this.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, listRoutes, seededTemplate, startMonolith } from '@ficus/monolith';
import { moveCatalogData } from '../data-move/catalog-tables.js';
import { startCatalogService } from '../start-catalog-service.js';
import { loadCompareResponses, type CompareResponses } from '@ficus/tools/contract-check';
import type { Caller } from '@ficus/tools/contract-check';
import { buildCatalogCorpus } from './catalog-corpus.js';
import { readCatalogFacts } from './catalog-facts.js';
import { runContract, type ContractResult } from '@ficus/tools/contract-check';

export interface CheckContractOptions {
  compare?: CompareResponses;
  progress?: (line: string) => void;
}

export async function checkCatalogContract(options: CheckContractOptions = {}): Promise<ContractResult> {
  const compare = options.compare ?? (await loadCompareResponses());
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
      login: (caller) => logIn(monolith.url, caller),
      ...(options.progress !== undefined ? { progress: options.progress } : {}),
    });
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

async function logIn(monolithUrl: string, caller: Caller): Promise<string> {
  const credentials =
    caller.kind === 'admin'
      ? { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }
      : caller.kind === 'user'
        ? { email: `user${caller.user}@example.com`, password: `password${caller.user}` }
        : null;
  if (credentials === null) throw new Error(`cannot log in as ${caller.kind}`);
  const response = await fetch(`${monolithUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 201) throw new Error(`login as ${credentials.email} failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
