// Reviews: SQL for reviews and helpful votes; author names come from the accounts' users table.
import type { Db } from '../db/connection.js';
import type { ReviewSort } from '../models/enums.js';
import type { ReviewInput, ReviewRow } from '../models/review.js';
import { totalOf } from '../lib/helpers.js';

const SELECT = `
  SELECT r.id, r.product_id, r.user_id, u.name AS author_name, r.rating, r.title, r.body, r.helpful_count,
         r.verified_purchase, r.created_at, r.updated_at
  FROM reviews r JOIN users u ON u.id = r.user_id`;

const ORDER_BY: Record<ReviewSort, string> = {
  newest: 'r.created_at DESC, r.id DESC',
  rating_desc: 'r.rating DESC, r.created_at DESC, r.id DESC',
  rating_asc: 'r.rating ASC, r.created_at DESC, r.id DESC',
  helpful: 'r.helpful_count DESC, r.created_at DESC, r.id DESC',
};

export function reviewsForProduct(
  db: Db,
  productId: number,
  sort: ReviewSort,
  limit: number,
  offset: number,
): ReviewRow[] {
  return db
    .prepare(`${SELECT} WHERE r.product_id = ? ORDER BY ${ORDER_BY[sort]} LIMIT ? OFFSET ?`)
    .all(productId, limit, offset) as ReviewRow[];
}

export function countForProduct(db: Db, productId: number): number {
  return totalOf(db.prepare('SELECT COUNT(*) AS total FROM reviews WHERE product_id = ?').get(productId));
}

export function reviewsByUser(db: Db, userId: number, limit: number, offset: number): ReviewRow[] {
  return db
    .prepare(`${SELECT} WHERE r.user_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`)
    .all(userId, limit, offset) as ReviewRow[];
}

export function countByUser(db: Db, userId: number): number {
  return totalOf(db.prepare('SELECT COUNT(*) AS total FROM reviews WHERE user_id = ?').get(userId));
}

export function findReview(db: Db, id: number): ReviewRow | undefined {
  return db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as ReviewRow | undefined;
}

export function findReviewId(db: Db, productId: number, userId: number): number | undefined {
  const row = db
    .prepare('SELECT id FROM reviews WHERE product_id = ? AND user_id = ?')
    .get(productId, userId) as { id: number } | undefined;
  return row?.id;
}

export function insertReview(
  db: Db,
  productId: number,
  userId: number,
  input: ReviewInput,
  verifiedPurchase: boolean,
  at: string,
): number {
  const result = db
    .prepare(
      `INSERT INTO reviews (product_id, user_id, rating, title, body, helpful_count, verified_purchase, created_at,
         updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    )
    .run(productId, userId, input.rating, input.title, input.body, verifiedPurchase ? 1 : 0, at, at);
  return Number(result.lastInsertRowid);
}

export function updateReview(db: Db, id: number, changes: Partial<ReviewInput>, at: string): void {
  db.prepare(
    `UPDATE reviews SET rating = COALESCE(?, rating), title = COALESCE(?, title), body = COALESCE(?, body),
       updated_at = ? WHERE id = ?`,
  ).run(changes.rating ?? null, changes.title ?? null, changes.body ?? null, at, id);
}

export function deleteReview(db: Db, id: number): void {
  db.prepare('DELETE FROM review_votes WHERE review_id = ?').run(id);
  db.prepare('DELETE FROM reviews WHERE id = ?').run(id);
}

export function ratingHistogram(db: Db, productId: number): { rating: number; count: number }[] {
  return db
    .prepare(
      'SELECT rating, COUNT(*) AS count FROM reviews WHERE product_id = ? GROUP BY rating ORDER BY rating',
    )
    .all(productId) as { rating: number; count: number }[];
}

/** Records a vote once per user; returns false when the user had already voted. */
export function addHelpfulVote(db: Db, reviewId: number, userId: number): boolean {
  const added = db
    .prepare('INSERT OR IGNORE INTO review_votes (review_id, user_id) VALUES (?, ?)')
    .run(reviewId, userId);
  if (added.changes === 0) return false;
  db.prepare('UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = ?').run(reviewId);
  return true;
}
