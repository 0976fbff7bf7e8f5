// Cart: SQL for carts and their items (lines join the catalog's products table for names).
import type { Db } from '../db/connection.js';
import type { CartLineRow } from '../models/cart.js';

export function cartLines(db: Db, userId: number): CartLineRow[] {
  return db
    .prepare(
      `SELECT ci.product_id, p.name, ci.quantity, p.active
       FROM cart_items ci JOIN products p ON p.id = ci.product_id
       WHERE ci.user_id = ? ORDER BY ci.product_id`,
    )
    .all(userId) as CartLineRow[];
}

export function findLineQuantity(db: Db, userId: number, productId: number): number | undefined {
  const row = db
    .prepare('SELECT quantity FROM cart_items WHERE user_id = ? AND product_id = ?')
    .get(userId, productId) as { quantity: number } | undefined;
  return row?.quantity;
}

export function touchCart(db: Db, userId: number, at: string): void {
  db.prepare(
    `INSERT INTO carts (user_id, promo_code, updated_at) VALUES (?, NULL, ?)
     ON CONFLICT (user_id) DO UPDATE SET updated_at = excluded.updated_at`,
  ).run(userId, at);
}

export function setLineQuantity(db: Db, userId: number, productId: number, quantity: number): void {
  db.prepare(
    `INSERT INTO cart_items (user_id, product_id, quantity) VALUES (?, ?, ?)
     ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = excluded.quantity`,
  ).run(userId, productId, quantity);
}

export function removeLine(db: Db, userId: number, productId: number): boolean {
  return (
    db.prepare('DELETE FROM cart_items WHERE user_id = ? AND product_id = ?').run(userId, productId).changes >
    0
  );
}

export function clearCart(db: Db, userId: number): void {
  db.prepare('DELETE FROM cart_items WHERE user_id = ?').run(userId);
  db.prepare('UPDATE carts SET promo_code = NULL WHERE user_id = ?').run(userId);
}

export function findPromoCode(db: Db, userId: number): string | null {
  const row = db.prepare('SELECT promo_code FROM carts WHERE user_id = ?').get(userId) as
    { promo_code: string | null } | undefined;
  return row?.promo_code ?? null;
}

export function setPromoCode(db: Db, userId: number, code: string | null, at: string): void {
  touchCart(db, userId, at);
  db.prepare('UPDATE carts SET promo_code = ? WHERE user_id = ?').run(code, userId);
}
