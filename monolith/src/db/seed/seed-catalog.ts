// Seeds categories, products, their prices and promotions, stock per fulfillment center and merchandising pins.
import type Database from 'better-sqlite3';
import { slugify } from '../../lib/helpers.js';
import { minutesBefore, type Prng } from './prng.js';
import { ADJECTIVES, BRANDS, DEPARTMENTS, NOUNS } from './seed-words.js';

// The raw driver type, so this module never imports the connection module that calls it.
type Db = Database.Database;

export const SEED_PRODUCT_COUNT = 3000;

export interface SeededCatalog {
  categories: number;
  products: number;
  /** Effective unit price per product id (sale price if any), for the order seed. */
  unitPrice: Map<number, number>;
  activeProductIds: number[];
  promotions: number;
  stockRows: number;
  pins: number;
}

const PROMOTIONS = [
  ['WELCOME10', 'Ten percent off your first order', 10, 0, 1, null],
  ['BIGSPEND25', 'A quarter off orders above $200', 25, 20000, 1, null],
  ['EXPIRED20', 'Last spring sale', 20, 0, 1, '2020-06-01T00:00:00.000Z'],
  ['INACTIVE5', 'Paused by marketing', 5, 0, 0, null],
] as const;

export function seedCatalog(db: Db, rng: Prng, baseDate: string, centers: number): SeededCatalog {
  const insertCategory = db.prepare('INSERT INTO categories (id, name, slug, parent_id) VALUES (?, ?, ?, ?)');
  let categoryId = 0;
  for (const [department, children] of DEPARTMENTS) {
    categoryId += 1;
    const parentId = categoryId;
    insertCategory.run(parentId, department, slugify(department), null);
    for (const child of children) {
      categoryId += 1;
      insertCategory.run(categoryId, child, slugify(`${department} ${child}`), parentId);
    }
  }

  const insertProduct = db.prepare(
    `INSERT INTO products (id, sku, name, slug, description, brand, category_id, active, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPrice = db.prepare(
    'INSERT INTO prices (product_id, list_price_cents, sale_price_cents, currency, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertStock = db.prepare('INSERT INTO stock (product_id, center_id, quantity) VALUES (?, ?, ?)');
  const unitPrice = new Map<number, number>();
  const activeProductIds: number[] = [];
  let stockRows = 0;
  for (let id = 1; id <= SEED_PRODUCT_COUNT; id += 1) {
    const brand = rng.pick(BRANDS);
    const name = `${brand} ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${rng.int(100, 999)}`;
    // The first products stay active and stocked: the tests and the demo rely on them.
    const active = id <= 100 || rng.chance(0.97);
    insertProduct.run(
      id,
      `SKU-${String(id).padStart(6, '0')}`,
      name,
      `${slugify(name)}-${id}`,
      `${name}: a ${brand} product built for everyday use.`,
      brand,
      rng.int(1, categoryId),
      active ? 1 : 0,
      minutesBefore(baseDate, rng.int(60 * 24, 60 * 24 * 1000)),
    );
    const listPrice = rng.int(199, 49999);
    const salePrice = rng.chance(0.15) ? Math.round(listPrice * 0.8) : null;
    insertPrice.run(id, listPrice, salePrice, 'USD', baseDate);
    unitPrice.set(id, salePrice ?? listPrice);
    if (active) activeProductIds.push(id);
    for (let center = 1; center <= centers; center += 1) {
      const quantity = id <= 100 ? 50 + center : rng.chance(0.1) ? 0 : rng.int(1, 60);
      insertStock.run(id, center, quantity);
      stockRows += 1;
    }
  }

  const insertPromotion = db.prepare(
    `INSERT INTO promotions (code, description, percent_off, min_subtotal_cents, active, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const promotion of PROMOTIONS) insertPromotion.run(...promotion);
  const seasons = ['SPRING', 'SUMMER', 'AUTUMN', 'WINTER'];
  for (let i = 0; i < 20; i += 1) {
    const percent = rng.int(5, 30);
    const season = seasons[i % seasons.length] ?? 'SALE';
    insertPromotion.run(
      `${season}${2020 + Math.floor(i / 4)}`,
      `${season.toLowerCase()} sale`,
      percent,
      0,
      1,
      null,
    );
  }

  const insertPin = db.prepare(
    'INSERT OR IGNORE INTO recommendation_pins (product_id, recommended_product_id, weight) VALUES (?, ?, ?)',
  );
  let pins = 0;
  for (let i = 0; i < 300; i += 1) {
    const from = rng.int(1, 200);
    const to = rng.int(1, SEED_PRODUCT_COUNT);
    if (from !== to) pins += insertPin.run(from, to, rng.int(1, 100)).changes;
  }

  return {
    categories: categoryId,
    products: SEED_PRODUCT_COUNT,
    unitPrice,
    activeProductIds,
    promotions: PROMOTIONS.length + 20,
    stockRows,
    pins,
  };
}
