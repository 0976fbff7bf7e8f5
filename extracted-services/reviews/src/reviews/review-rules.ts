// The reviews use cases, with the monolith's checks in the monolith's order (so errors match): validation is done by
// fastify, then the session, then existence, then ownership and conflicts.
import type { Db } from '../db/open-reviews-db.js';
import type { ReviewSort } from '../http/schemas.js';
import { conflict, forbidden, notFound, unauthorized } from '../http/service-error.js';
import type { Credentials, SessionUser, UpstreamApis } from '../upstream/upstream-apis.js';
import {
  pageWindow,
  roundTo,
  toReview,
  type Page,
  type RatingSummary,
  type Review,
  type ReviewInput,
} from './review-json.js';
import * as store from './review-store.js';

export interface ReviewsDeps {
  db: Db;
  upstream: UpstreamApis;
  now: () => Date;
}

async function ensureProduct(deps: ReviewsDeps, productId: number): Promise<void> {
  // Products are discontinued, never deleted, so a product seen once stays known.
  if (store.productKnown(deps.db, productId)) return;
  if (!(await deps.upstream.productExists(productId))) throw notFound('Product');
  store.rememberProduct(deps.db, productId);
}

/** Resolves the session through the accounts API and refreshes the author's name kept beside their reviews. */
export async function signedInUser(deps: ReviewsDeps, credentials: Credentials): Promise<SessionUser> {
  const user = await deps.upstream.currentUser(credentials);
  if (user === null) throw unauthorized();
  store.rememberAuthor(deps.db, user.id, user.name);
  return user;
}

export async function listProductReviews(
  deps: ReviewsDeps,
  productId: number,
  query: { page?: number; pageSize?: number; sort?: ReviewSort },
): Promise<Page<Review>> {
  await ensureProduct(deps, productId);
  const w = pageWindow(query);
  const rows = store.reviewsForProduct(deps.db, productId, query.sort ?? 'newest', w.pageSize, w.offset);
  return {
    items: rows.map(toReview),
    page: w.page,
    pageSize: w.pageSize,
    total: store.countForProduct(deps.db, productId),
  };
}

export function listUserReviews(
  deps: ReviewsDeps,
  userId: number,
  query: { page?: number; pageSize?: number },
): Page<Review> {
  if (!store.authorKnown(deps.db, userId)) throw notFound('User');
  const w = pageWindow(query);
  const rows = store.reviewsByUser(deps.db, userId, w.pageSize, w.offset);
  return {
    items: rows.map(toReview),
    page: w.page,
    pageSize: w.pageSize,
    total: store.countByUser(deps.db, userId),
  };
}

export function getReview(deps: ReviewsDeps, id: number): Review {
  const row = store.findReview(deps.db, id);
  if (row === undefined) throw notFound('Review');
  return toReview(row);
}

export async function createReview(
  deps: ReviewsDeps,
  credentials: Credentials,
  productId: number,
  input: ReviewInput,
): Promise<Review> {
  const user = await signedInUser(deps, credentials);
  await ensureProduct(deps, productId);
  if (store.findReviewId(deps.db, productId, user.id) !== undefined) {
    throw conflict('You already reviewed this product.', 'ALREADY_REVIEWED');
  }
  const verified = await deps.upstream.hasPurchased(credentials, productId);
  const at = deps.now().toISOString();
  return getReview(deps, store.insertReview(deps.db, productId, user.id, input, verified, at));
}

export async function updateReview(
  deps: ReviewsDeps,
  credentials: Credentials,
  id: number,
  changes: Partial<ReviewInput>,
): Promise<Review> {
  const user = await signedInUser(deps, credentials);
  const review = getReview(deps, id);
  if (review.author.id !== user.id) throw forbidden('Only the author may edit a review.');
  store.updateReview(deps.db, id, changes, deps.now().toISOString());
  return getReview(deps, id);
}

export async function deleteReview(deps: ReviewsDeps, credentials: Credentials, id: number): Promise<void> {
  const user = await signedInUser(deps, credentials);
  const review = getReview(deps, id);
  if (review.author.id !== user.id && user.role !== 'admin') {
    throw forbidden('Only the author or an admin may delete it.');
  }
  store.deleteReview(deps.db, id);
}

export async function voteHelpful(deps: ReviewsDeps, credentials: Credentials, id: number): Promise<Review> {
  const user = await signedInUser(deps, credentials);
  const review = getReview(deps, id);
  if (review.author.id === user.id) throw conflict('You cannot vote for your own review.', 'OWN_REVIEW');
  if (!store.addHelpfulVote(deps.db, id, user.id)) {
    throw conflict('You already voted for this review.', 'ALREADY_VOTED');
  }
  return getReview(deps, id);
}

export async function ratingSummary(deps: ReviewsDeps, productId: number): Promise<RatingSummary> {
  await ensureProduct(deps, productId);
  const histogram: RatingSummary['histogram'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let count = 0;
  let sum = 0;
  for (const row of store.ratingHistogram(deps.db, productId)) {
    histogram[String(row.rating) as keyof RatingSummary['histogram']] = row.count;
    count += row.count;
    sum += row.rating * row.count;
  }
  return { productId, count, average: count === 0 ? null : roundTo(sum / count, 2), histogram };
}
