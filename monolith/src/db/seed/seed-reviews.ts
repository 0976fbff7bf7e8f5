// Seeds ratings and reviews, skewed towards popular (low-id) products and good ratings, as real stores are.
import type Database from 'better-sqlite3';
import { minutesBefore, type Prng } from './prng.js';
import { REVIEW_SENTENCES, REVIEW_TITLES } from './seed-words.js';

// The raw driver type, so this module never imports the connection module that calls it.
type Db = Database.Database;

export const SEED_REVIEW_COUNT = 8000;

function pickRating(rng: Prng): number {
  const roll = rng.next();
  if (roll < 0.05) return 1;
  if (roll < 0.12) return 2;
  if (roll < 0.27) return 3;
  if (roll < 0.57) return 4;
  return 5;
}

export function seedReviews(
  db: Db,
  rng: Prng,
  baseDate: string,
  products: number,
  customers: number,
): number {
  const insert = db.prepare(
    `INSERT INTO reviews (product_id, user_id, rating, title, body, helpful_count, verified_purchase, created_at,
       updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const taken = new Set<number>();
  let count = 0;
  while (count < SEED_REVIEW_COUNT) {
    const productId = 1 + Math.floor(products * rng.next() ** 2);
    const userId = rng.int(1, customers);
    const key = productId * 100_000 + userId;
    if (taken.has(key)) continue;
    taken.add(key);
    const rating = pickRating(rng);
    const title = rng.pick(REVIEW_TITLES[rating - 1] ?? REVIEW_TITLES[2]);
    const body = `${rng.pick(REVIEW_SENTENCES)} ${rng.pick(REVIEW_SENTENCES)}`;
    const createdAt = minutesBefore(baseDate, rng.int(60, 60 * 24 * 700));
    insert.run(
      productId,
      userId,
      rating,
      title,
      body,
      rng.int(0, 20),
      rng.chance(0.6) ? 1 : 0,
      createdAt,
      createdAt,
    );
    count += 1;
  }
  return count;
}
