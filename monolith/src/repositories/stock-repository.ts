// Inventory: SQL for units on hand per product and fulfillment center.
import type { Db } from '../db/connection.js';
import type { LowStockRow, StockLevel } from '../models/stock.js';
import { totalOf } from '../lib/helpers.js';

export function stockForProduct(db: Db, productId: number): StockLevel[] {
  return db
    .prepare(
      `SELECT s.center_id AS centerId, fc.code AS centerCode, s.quantity
       FROM stock s JOIN fulfillment_centers fc ON fc.id = s.center_id
       WHERE s.product_id = ? ORDER BY s.center_id`,
    )
    .all(productId) as StockLevel[];
}

export function totalStock(db: Db, productId: number): number {
  return totalOf(
    db.prepare('SELECT COALESCE(SUM(quantity), 0) AS total FROM stock WHERE product_id = ?').get(productId),
  );
}

export function findQuantity(db: Db, productId: number, centerId: number): number | undefined {
  const row = db
    .prepare('SELECT quantity FROM stock WHERE product_id = ? AND center_id = ?')
    .get(productId, centerId) as { quantity: number } | undefined;
  return row?.quantity;
}

export function setQuantity(db: Db, productId: number, centerId: number, quantity: number): void {
  db.prepare(
    `INSERT INTO stock (product_id, center_id, quantity) VALUES (?, ?, ?)
     ON CONFLICT (product_id, center_id) DO UPDATE SET quantity = excluded.quantity`,
  ).run(productId, centerId, quantity);
}

export function adjustQuantity(db: Db, productId: number, centerId: number, delta: number): void {
  db.prepare('UPDATE stock SET quantity = quantity + ? WHERE product_id = ? AND center_id = ?').run(
    delta,
    productId,
    centerId,
  );
}

/** The lowest-numbered center that can ship the whole quantity on its own. */
export function pickCenterWithStock(db: Db, productId: number, quantity: number): number | undefined {
  const row = db
    .prepare('SELECT center_id FROM stock WHERE product_id = ? AND quantity >= ? ORDER BY center_id LIMIT 1')
    .get(productId, quantity) as { center_id: number } | undefined;
  return row?.center_id;
}

export function listLowStock(db: Db, threshold: number, limit: number, offset: number): LowStockRow[] {
  return db
    .prepare(
      `SELECT s.product_id AS productId, p.sku, p.name, s.center_id AS centerId, s.quantity
       FROM stock s JOIN products p ON p.id = s.product_id
       WHERE s.quantity <= ? AND p.active = 1
       ORDER BY s.quantity ASC, s.product_id ASC, s.center_id ASC LIMIT ? OFFSET ?`,
    )
    .all(threshold, limit, offset) as LowStockRow[];
}

export function countLowStock(db: Db, threshold: number): number {
  return totalOf(
    db
      .prepare(
        'SELECT COUNT(*) AS total FROM stock s JOIN products p ON p.id = s.product_id WHERE s.quantity <= ? AND p.active = 1',
      )
      .get(threshold),
  );
}

export function insertEmptyStock(db: Db, productId: number): void {
  db.prepare(
    'INSERT INTO stock (product_id, center_id, quantity) SELECT ?, id, 0 FROM fulfillment_centers',
  ).run(productId);
}
