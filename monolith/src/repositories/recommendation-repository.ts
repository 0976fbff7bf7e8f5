// Recommendations: SQL that mines orders, reviews and the catalog (it owns only the pins table).
import type { Db } from '../db/connection.js';

export interface ScoredProduct {
  productId: number;
  name: string;
  score: number;
}

export function pinnedFor(db: Db, productId: number): ScoredProduct[] {
  return db
    .prepare(
      `SELECT rp.recommended_product_id AS productId, p.name, rp.weight AS score
       FROM recommendation_pins rp JOIN products p ON p.id = rp.recommended_product_id
       WHERE rp.product_id = ? AND p.active = 1 ORDER BY rp.weight DESC, rp.recommended_product_id ASC`,
    )
    .all(productId) as ScoredProduct[];
}

export function upsertPin(db: Db, productId: number, recommendedProductId: number, weight: number): void {
  db.prepare(
    `INSERT INTO recommendation_pins (product_id, recommended_product_id, weight) VALUES (?, ?, ?)
     ON CONFLICT (product_id, recommended_product_id) DO UPDATE SET weight = excluded.weight`,
  ).run(productId, recommendedProductId, weight);
}

export function alsoBought(db: Db, productId: number, limit: number): ScoredProduct[] {
  return db
    .prepare(
      `SELECT other.product_id AS productId, p.name, COUNT(DISTINCT other.order_id) AS score
       FROM order_items mine
       JOIN order_items other ON other.order_id = mine.order_id AND other.product_id <> mine.product_id
       JOIN products p ON p.id = other.product_id
       WHERE mine.product_id = ? AND p.active = 1
       GROUP BY other.product_id ORDER BY score DESC, other.product_id ASC LIMIT ?`,
    )
    .all(productId, limit) as ScoredProduct[];
}

export function topRated(db: Db, minReviews: number, limit: number): ScoredProduct[] {
  return db
    .prepare(
      `SELECT r.product_id AS productId, p.name, ROUND(AVG(r.rating), 2) AS score
       FROM reviews r JOIN products p ON p.id = r.product_id JOIN prices pr ON pr.product_id = p.id
       WHERE p.active = 1
       GROUP BY r.product_id HAVING COUNT(*) >= ? ORDER BY score DESC, COUNT(*) DESC, r.product_id ASC LIMIT ?`,
    )
    .all(minReviews, limit) as ScoredProduct[];
}

/**
 * The same ranking as `topRated`, over ratings the reviews service computed: the store still decides which products
 * may be recommended (active, priced) and their names.
 */
export function rankByRating(
  db: Db,
  ratings: { productId: number; count: number; average: number }[],
  limit: number,
): ScoredProduct[] {
  const names = new Map(
    (
      db
        .prepare(
          `SELECT p.id, p.name FROM products p JOIN prices pr ON pr.product_id = p.id
           WHERE p.active = 1 AND p.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ratings.map((r) => r.productId))) as { id: number; name: string }[]
    ).map((row) => [row.id, row.name]),
  );
  return ratings
    .filter((r) => names.has(r.productId))
    .sort((a, b) => b.average - a.average || b.count - a.count || a.productId - b.productId)
    .slice(0, limit)
    .map((r) => ({ productId: r.productId, name: names.get(r.productId) ?? '', score: r.average }));
}

export function favoritesInUserCategories(db: Db, userId: number, limit: number): ScoredProduct[] {
  return db
    .prepare(
      `WITH bought AS (
         SELECT DISTINCT oi.product_id FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.user_id = ?
       ), cats AS (
         SELECT p.category_id, COUNT(*) AS n FROM bought b JOIN products p ON p.id = b.product_id GROUP BY p.category_id
       )
       SELECT p.id AS productId, p.name, cats.n * 10 + COUNT(oi.id) AS score
       FROM cats JOIN products p ON p.category_id = cats.category_id
       LEFT JOIN order_items oi ON oi.product_id = p.id
       WHERE p.active = 1 AND p.id NOT IN (SELECT product_id FROM bought)
       GROUP BY p.id ORDER BY score DESC, p.id ASC LIMIT ?`,
    )
    .all(userId, limit) as ScoredProduct[];
}
