// The whole reviews contract check: scratch copies of the seeded store, the data move, both servers on loopback with
// one fixed clock, the corpus replayed and compared. Tests and `npm run contract` call this.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config, listRoutes, seededTemplate, signInSeedUser, startMonolith } from '@ficus/monolith';
import { moveReviewsData } from '../data-move/reviews-tables.js';
import { startReviewsService } from '../start-reviews-service.js';
import {
  compareResponses,
  runContract,
  seedLogin,
  type CompareResponses,
  type ContractResult,
} from '@ficus/tools/contract-check';
import { buildReviewsCorpus } from './reviews-corpus.js';
import { readReviewFacts } from './reviews-facts.js';

// Both sides stamp new reviews with this instant, so created/updated times compare equal instead of being ignored.
const FIXED_NOW = '2026-06-01T12:00:00.000Z';

export interface CheckContractOptions {
  compare?: CompareResponses;
  progress?: (line: string) => void;
}

export async function checkReviewsContract(options: CheckContractOptions = {}): Promise<ContractResult> {
  const compare = options.compare ?? compareResponses;
  const dir = mkdtempSync(join(tmpdir(), 'ficus-reviews-contract-'));
  const monolithDb = join(dir, 'monolith.sqlite');
  copyFileSync(seededTemplate(), monolithDb);
  const facts = readReviewFacts(monolithDb);
  moveReviewsData({ from: monolithDb, to: join(dir, 'reviews.sqlite') });

  const savedNow = config.now;
  config.now = () => new Date(FIXED_NOW);
  const cleanups: (() => Promise<void> | void)[] = [
    () => {
      config.now = savedNow;
    },
    () => rmSync(dir, { recursive: true, force: true }),
  ];
  try {
    const monolith = await startMonolith({ dbPath: monolithDb });
    cleanups.unshift(() => monolith.close());
    const service = await startReviewsService({
      dbPath: join(dir, 'reviews.sqlite'),
      monolithUrl: monolith.url,
      now: () => new Date(FIXED_NOW),
    });
    cleanups.unshift(() => service.close());
    const corpus = buildReviewsCorpus(listRoutes(), facts);
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
