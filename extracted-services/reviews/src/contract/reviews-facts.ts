// Facts about the seeded data the reviews corpus needs (who wrote which review, who bought what), read from the
// scratch copy of the monolith's database before the replay starts.
import Database from 'better-sqlite3';

export interface ReviewFacts {
  /** Reviews 1–3 with their authors and products. */
  reviews: { id: number; userId: number; productId: number }[];
  /** A customer who bought a product (paid or later) and has not reviewed it: a verified review to write. */
  purchase: { userId: number; productId: number };
  /** A customer and a product with no review and no purchase between them. */
  fresh: { userId: number; productId: number };
  lastReviewId: number;
  productCount: number;
}

export function readReviewFacts(monolithDbPath: string): ReviewFacts {
  const db = new Database(monolithDbPath, { readonly: true });
  try {
    const reviews = db
      .prepare('SELECT id, user_id AS userId, product_id AS productId FROM reviews WHERE id <= 3 ORDER BY id')
      .all() as ReviewFacts['reviews'];
    const purchase = db
      .prepare(
        `SELECT o.user_id AS userId, oi.product_id AS productId FROM orders o JOIN order_items oi ON oi.order_id = o.id
         WHERE o.status IN ('paid', 'shipped', 'delivered') AND o.user_id <= 400 AND NOT EXISTS
           (SELECT 1 FROM reviews r WHERE r.user_id = o.user_id AND r.product_id = oi.product_id)
         ORDER BY o.id, oi.id LIMIT 1`,
      )
      .get() as ReviewFacts['purchase'] | undefined;
    const fresh = db
      .prepare(
        `SELECT u.id AS userId, p.id AS productId FROM users u, products p
         WHERE u.id BETWEEN 10 AND 400 AND p.id BETWEEN 2900 AND 3000 AND NOT EXISTS
           (SELECT 1 FROM reviews r WHERE r.user_id = u.id AND r.product_id = p.id) AND NOT EXISTS
           (SELECT 1 FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.user_id = u.id AND oi.product_id = p.id)
         ORDER BY u.id, p.id DESC LIMIT 1`,
      )
      .get() as ReviewFacts['fresh'] | undefined;
    const { lastReviewId } = db.prepare('SELECT MAX(id) AS lastReviewId FROM reviews').get() as {
      lastReviewId: number;
    };
    const { productCount } = db.prepare('SELECT COUNT(*) AS productCount FROM products').get() as {
      productCount: number;
    };
    if (reviews.length < 3 || purchase === undefined || fresh === undefined) {
      throw new Error('the monolith database lacks the seed data the reviews corpus needs');
    }
    return { reviews, purchase, fresh, lastReviewId, productCount };
  } finally {
    db.close();
  }
}
