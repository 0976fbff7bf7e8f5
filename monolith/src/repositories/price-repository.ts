// Pricing: SQL for the prices table.
import type { Db } from '../db/connection.js';
import type { PriceRow } from '../models/price.js';

export function findPrice(db: Db, productId: number): PriceRow | undefined {
  return db
    .prepare(
      'SELECT product_id, list_price_cents, sale_price_cents, currency FROM prices WHERE product_id = ?',
    )
    .get(productId) as PriceRow | undefined;
}

export function findPrices(db: Db, productIds: number[]): Map<number, PriceRow> {
  const statement = db.prepare(
    'SELECT product_id, list_price_cents, sale_price_cents, currency FROM prices WHERE product_id = ?',
  );
  const prices = new Map<number, PriceRow>();
  for (const id of productIds) {
    const row = statement.get(id) as PriceRow | undefined;
    if (row !== undefined) prices.set(id, row);
  }
  return prices;
}

export function upsertPrice(
  db: Db,
  productId: number,
  listPriceCents: number,
  salePriceCents: number | null,
  currency: string,
  updatedAt: string,
): void {
  db.prepare(
    `INSERT INTO prices (product_id, list_price_cents, sale_price_cents, currency, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (product_id) DO UPDATE SET list_price_cents = excluded.list_price_cents,
       sale_price_cents = excluded.sale_price_cents, currency = excluded.currency, updated_at = excluded.updated_at`,
  ).run(productId, listPriceCents, salePriceCents, currency, updatedAt);
}
