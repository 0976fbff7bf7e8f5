// Fills an empty, migrated database with the deterministic sample store in one transaction.
import type Database from 'better-sqlite3';
import { config } from '../../config.js';
import { Prng } from './prng.js';
import { SEED_USER_COUNT, seedPeople } from './seed-people.js';
import { seedCatalog } from './seed-catalog.js';
import { seedOrders } from './seed-orders.js';
import { seedReviews } from './seed-reviews.js';

// The raw driver type, so this module never imports the connection module that calls it.
type Db = Database.Database;

export interface SeedSummary {
  users: number;
  fulfillmentCenters: number;
  categories: number;
  products: number;
  prices: number;
  promotions: number;
  stockRows: number;
  recommendationPins: number;
  orders: number;
  orderItems: number;
  payments: number;
  shipments: number;
  notifications: number;
  carts: number;
  reviews: number;
}

export function seedStore(db: Db): SeedSummary {
  const rng = new Prng(config.seed);
  const base = config.seedBaseDate;
  return db.transaction((): SeedSummary => {
    const people = seedPeople(db, rng, base);
    const catalog = seedCatalog(db, rng, base, people.centers);
    const orders = seedOrders(db, rng, base, catalog, {
      customers: SEED_USER_COUNT,
      all: people.users,
      centers: people.centers,
    });
    const reviews = seedReviews(db, rng, base, catalog.products, SEED_USER_COUNT);
    return {
      users: people.users,
      fulfillmentCenters: people.centers,
      categories: catalog.categories,
      products: catalog.products,
      prices: catalog.products,
      promotions: catalog.promotions,
      stockRows: catalog.stockRows,
      recommendationPins: catalog.pins,
      ...orders,
      reviews,
    };
  })();
}
