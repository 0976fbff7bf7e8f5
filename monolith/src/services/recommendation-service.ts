// Recommendations: "customers also bought", personal picks from order history, and trending products.
import type { Db } from '../db/connection.js';
import type { Recommendation, RecommendationReason } from '../models/recommendation.js';
import * as recs from '../repositories/recommendation-repository.js';
import { productExists } from '../repositories/product-repository.js';
import { notFound } from '../lib/errors.js';
import { config } from '../config.js';
import { fetchProductRatings } from '../lib/reviews-client.js';

function tag(rows: recs.ScoredProduct[], reason: RecommendationReason): Recommendation[] {
  return rows.map((r) => ({ productId: r.productId, name: r.name, score: r.score, reason }));
}

function merge(lists: Recommendation[][], limit: number): Recommendation[] {
  const seen = new Set<number>();
  const out: Recommendation[] = [];
  for (const item of lists.flat()) {
    if (seen.has(item.productId)) continue;
    seen.add(item.productId);
    out.push(item);
    if (out.length === limit) break;
  }
  return out;
}

export function forProduct(db: Db, productId: number, limit: number): Recommendation[] {
  if (!productExists(db, productId)) throw notFound('Product');
  const pinned = tag(recs.pinnedFor(db, productId), 'pinned');
  const bought = tag(recs.alsoBought(db, productId, limit), 'also_bought');
  return merge([pinned, bought], limit).filter((r) => r.productId !== productId);
}

export async function forUser(db: Db, userId: number, limit: number): Promise<Recommendation[]> {
  const favorites = tag(recs.favoritesInUserCategories(db, userId, limit), 'favorite_category');
  return merge([favorites, await trending(db, limit)], limit);
}

const TOP_RATED_MIN_REVIEWS = 5;

export async function trending(db: Db, limit: number): Promise<Recommendation[]> {
  // Once the reviews service owns the reviews tables, ratings come from its API, never from the stale local copy.
  const reviewsUrl = config.reviewsServiceUrl;
  if (reviewsUrl === null) return tag(recs.topRated(db, TOP_RATED_MIN_REVIEWS, limit), 'top_rated');
  const ratings = await fetchProductRatings(reviewsUrl, TOP_RATED_MIN_REVIEWS);
  return tag(recs.rankByRating(db, ratings, limit), 'top_rated');
}

export function pinRecommendation(
  db: Db,
  productId: number,
  recommendedProductId: number,
  weight: number,
): Recommendation[] {
  if (!productExists(db, productId) || !productExists(db, recommendedProductId)) throw notFound('Product');
  recs.upsertPin(db, productId, recommendedProductId, weight);
  return tag(recs.pinnedFor(db, productId), 'pinned');
}
