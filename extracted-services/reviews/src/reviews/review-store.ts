// SQL over the service's own tables: reviews, votes, and the author and product copies it keeps.
import type { Db } from '../db/open-reviews-db.js';
import type { ReviewSort } from '../http/schemas.js';
import type { ReviewInput, ReviewRow } from './review-json.js';

// LEFT JOIN with a fallback name: an author missing from the copy must not hide a review (the monolith never does).
const SELECT = `
  SELECT r.id, r.product_id, r.user_id, COALESCE(a.name, '') AS author_name, r.rating, r.title, r.body,
         r.helpful_count, r.verified_purchase, r.created_at, r.updated_at
  FROM reviews r LEFT JOIN authors a ON a.id = r.user_id`;

// The monolith's orderings, each ending in the unique id so pages are stable.
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
  return (
    db.prepare('SELECT COUNT(*) AS n FROM reviews WHERE product_id = ?').get(productId) as { n: number }
  ).n;
}

export function reviewsByUser(db: Db, userId: number, limit: number, offset: number): ReviewRow[] {
  return db
    .prepare(`${SELECT} WHERE r.user_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`)
    .all(userId, limit, offset) as ReviewRow[];
}

export function countByUser(db: Db, userId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM reviews WHERE user_id = ?').get(userId) as { n: number }).n;
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
  db.transaction(() => {
    db.prepare('DELETE FROM review_votes WHERE review_id = ?').run(id);
    db.prepare('DELETE FROM reviews WHERE id = ?').run(id);
  })();
}

export function ratingHistogram(db: Db, productId: number): { rating: number; count: number }[] {
  return db
    .prepare(
      'SELECT rating, COUNT(*) AS count FROM reviews WHERE product_id = ? GROUP BY rating ORDER BY rating',
    )
    .all(productId) as { rating: number; count: number }[];
}

/** Records a vote once per user; false when the user had already voted. */
export function addHelpfulVote(db: Db, reviewId: number, userId: number): boolean {
  return db.transaction(() => {
    const added = db
      .prepare('INSERT OR IGNORE INTO review_votes (review_id, user_id) VALUES (?, ?)')
      .run(reviewId, userId);
    if (added.changes === 0) return false;
    db.prepare('UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = ?').run(reviewId);
    return true;
  })();
}

/**
 * Per-product rating aggregates for products with at least `minReviews` reviews. The average is rounded by SQLite
 * exactly as the monolith's top-rated query did (`ROUND(AVG(rating), 2)`), so its rankings do not move.
 */
export function productRatings(
  db: Db,
  minReviews: number,
): { productId: number; count: number; average: number }[] {
  return db
    .prepare(
      `SELECT product_id AS productId, COUNT(*) AS count, ROUND(AVG(rating), 2) AS average FROM reviews
       GROUP BY product_id HAVING COUNT(*) >= ? ORDER BY product_id`,
    )
    .all(minReviews) as { productId: number; count: number; average: number }[];
}

export function rememberAuthor(db: Db, id: number, name: string): void {
  db.prepare(
    'INSERT INTO authors (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE name <> excluded.name',
  ).run(id, name);
}

export function authorKnown(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM authors WHERE id = ?').get(id) !== undefined;
}

export function productKnown(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM known_products WHERE id = ?').get(id) !== undefined;
}

export function rememberProduct(db: Db, id: number): void {
  db.prepare('INSERT OR IGNORE INTO known_products (id) VALUES (?)').run(id);
}
