// Reviews: listing, writing, editing and voting on product reviews, and each product's rating summary.
import type { Db } from '../db/connection.js';
import type { User } from '../models/account.js';
import type { ReviewSort } from '../models/enums.js';
import { toReview, type RatingSummary, type Review, type ReviewInput } from '../models/review.js';
import * as reviews from '../repositories/review-repository.js';
import { productExists } from '../repositories/product-repository.js';
import { hasPurchased } from '../repositories/order-repository.js';
import { findUserById } from '../repositories/account-repository.js';
import { isAdmin } from '../lib/auth.js';
import { conflict, forbidden, notFound } from '../lib/errors.js';
import { nowIso, pageWindow, roundTo, toPage, type Page, type PageQuery } from '../lib/helpers.js';

function ensureProduct(db: Db, productId: number): void {
  if (!productExists(db, productId)) throw notFound('Product');
}

export function listProductReviews(
  db: Db,
  productId: number,
  query: PageQuery & { sort?: ReviewSort },
): Page<Review> {
  ensureProduct(db, productId);
  const window = pageWindow(query);
  const rows = reviews.reviewsForProduct(db, productId, query.sort ?? 'newest', window.limit, window.offset);
  return toPage(rows.map(toReview), window, reviews.countForProduct(db, productId));
}

export function listUserReviews(db: Db, userId: number, query: PageQuery): Page<Review> {
  if (findUserById(db, userId) === undefined) throw notFound('User');
  const window = pageWindow(query);
  const rows = reviews.reviewsByUser(db, userId, window.limit, window.offset);
  return toPage(rows.map(toReview), window, reviews.countByUser(db, userId));
}

export function getReview(db: Db, id: number): Review {
  const row = reviews.findReview(db, id);
  if (row === undefined) throw notFound('Review');
  return toReview(row);
}

export function createReview(db: Db, user: User, productId: number, input: ReviewInput): Review {
  ensureProduct(db, productId);
  if (reviews.findReviewId(db, productId, user.id) !== undefined) {
    throw conflict('You already reviewed this product.', 'ALREADY_REVIEWED');
  }
  // "Verified purchase" is decided by reading the orders tables directly.
  const verified = hasPurchased(db, user.id, productId);
  return getReview(db, reviews.insertReview(db, productId, user.id, input, verified, nowIso()));
}

export function updateReview(db: Db, user: User, id: number, changes: Partial<ReviewInput>): Review {
  const review = getReview(db, id);
  if (review.author.id !== user.id) throw forbidden('Only the author may edit a review.');
  reviews.updateReview(db, id, changes, nowIso());
  return getReview(db, id);
}

export function deleteReview(db: Db, user: User, id: number): void {
  const review = getReview(db, id);
  if (review.author.id !== user.id && !isAdmin(user))
    throw forbidden('Only the author or an admin may delete it.');
  reviews.deleteReview(db, id);
}

export function voteHelpful(db: Db, user: User, id: number): Review {
  const review = getReview(db, id);
  if (review.author.id === user.id) throw conflict('You cannot vote for your own review.', 'OWN_REVIEW');
  if (!reviews.addHelpfulVote(db, id, user.id))
    throw conflict('You already voted for this review.', 'ALREADY_VOTED');
  return getReview(db, id);
}

export function ratingSummary(db: Db, productId: number): RatingSummary {
  ensureProduct(db, productId);
  const histogram: RatingSummary['histogram'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let count = 0;
  let sum = 0;
  for (const row of reviews.ratingHistogram(db, productId)) {
    histogram[String(row.rating) as keyof RatingSummary['histogram']] = row.count;
    count += row.count;
    sum += row.rating * row.count;
  }
  return { productId, count, average: count === 0 ? null : roundTo(sum / count, 2), histogram };
}
