// Pricing: SQL for promotion codes.
import type { Db } from '../db/connection.js';
import type { NewPromotion, PromotionRow } from '../models/promotion.js';
import { totalOf } from '../lib/helpers.js';

export function listPromotions(db: Db, activeOnly: boolean, limit: number, offset: number): PromotionRow[] {
  return db
    .prepare(
      `SELECT * FROM promotions ${activeOnly ? 'WHERE active = 1' : ''} ORDER BY code LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as PromotionRow[];
}

export function countPromotions(db: Db, activeOnly: boolean): number {
  return totalOf(
    db.prepare(`SELECT COUNT(*) AS total FROM promotions ${activeOnly ? 'WHERE active = 1' : ''}`).get(),
  );
}

export function findPromotionByCode(db: Db, code: string): PromotionRow | undefined {
  return db.prepare('SELECT * FROM promotions WHERE code = ?').get(code.toUpperCase()) as
    PromotionRow | undefined;
}

export function insertPromotion(db: Db, promotion: NewPromotion): number {
  const result = db
    .prepare(
      `INSERT INTO promotions (code, description, percent_off, min_subtotal_cents, active, expires_at)
       VALUES (?, ?, ?, ?, 1, ?)`,
    )
    .run(
      promotion.code.toUpperCase(),
      promotion.description,
      promotion.percentOff,
      promotion.minSubtotalCents ?? 0,
      promotion.expiresAt ?? null,
    );
  return Number(result.lastInsertRowid);
}
