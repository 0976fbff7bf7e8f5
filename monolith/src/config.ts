// The store's one configuration object, read from the environment at import time and shared by every module.
import { monolithRoot } from './package-root.js';

export interface StoreConfig {
  host: string;
  port: number;
  dbPath: string;
  currency: string;
  defaultPageSize: number;
  maxPageSize: number;
  sessionTtlHours: number;
  sessionCookieName: string;
  scryptCost: number;
  shippingCents: number;
  freeShippingThresholdCents: number;
  maxCartQuantity: number;
  lowStockThreshold: number;
  declinedCardSuffix: string;
  seed: number;
  seedBaseDate: string;
  /**
   * Base URL of the extracted reviews service (`REVIEWS_SERVICE_URL`). When set, the service owns the reviews tables:
   * code outside the reviews domain reads ratings through `lib/reviews-client.ts`, and the store's own review write
   * routes refuse, so each table keeps one writer. Null: the store still owns reviews.
   */
  reviewsServiceUrl: string | null;
  now: () => Date;
}

// Mutable on purpose: the legacy code base tweaks it at start-up (tests swap `now`), and everything reads it directly.
export const config: StoreConfig = {
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 3000),
  dbPath: process.env.MONOLITH_DB ?? `${monolithRoot}data/store.sqlite`,
  currency: 'USD',
  defaultPageSize: 20,
  maxPageSize: 100,
  sessionTtlHours: 24 * 14,
  sessionCookieName: 'sid',
  // Low scrypt cost keeps login and seeding fast; this is a sample store, not a vault.
  scryptCost: 256,
  shippingCents: 499,
  freeShippingThresholdCents: 5000,
  maxCartQuantity: 20,
  lowStockThreshold: 5,
  declinedCardSuffix: '0000',
  seed: 20260101,
  seedBaseDate: '2026-01-01T00:00:00.000Z',
  reviewsServiceUrl: process.env.REVIEWS_SERVICE_URL || null,
  now: () => new Date(),
};
