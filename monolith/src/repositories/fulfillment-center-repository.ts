// Fulfillment: SQL for fulfillment centers; the stock page joins inventory's and the catalog's tables.
import type { Db } from '../db/connection.js';
import type { CenterStockLine, FulfillmentCenter } from '../models/fulfillment-center.js';
import { totalOf } from '../lib/helpers.js';

export function listCenters(db: Db): FulfillmentCenter[] {
  return db
    .prepare('SELECT id, code, name, city, country FROM fulfillment_centers ORDER BY id')
    .all() as FulfillmentCenter[];
}

export function findCenter(db: Db, id: number): FulfillmentCenter | undefined {
  return db.prepare('SELECT id, code, name, city, country FROM fulfillment_centers WHERE id = ?').get(id) as
    FulfillmentCenter | undefined;
}

export function centerStock(db: Db, centerId: number, limit: number, offset: number): CenterStockLine[] {
  return db
    .prepare(
      `SELECT s.product_id AS productId, p.sku, p.name, s.quantity
       FROM stock s JOIN products p ON p.id = s.product_id
       WHERE s.center_id = ? ORDER BY s.product_id LIMIT ? OFFSET ?`,
    )
    .all(centerId, limit, offset) as CenterStockLine[];
}

export function countCenterStock(db: Db, centerId: number): number {
  return totalOf(db.prepare('SELECT COUNT(*) AS total FROM stock WHERE center_id = ?').get(centerId));
}
