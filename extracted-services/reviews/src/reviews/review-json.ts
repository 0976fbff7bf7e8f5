// The review and rating-summary JSON exactly as the monolith renders them (monolith/src/models/review.ts).
export interface ReviewRow {
  id: number;
  product_id: number;
  user_id: number;
  author_name: string;
  rating: number;
  title: string;
  body: string;
  helpful_count: number;
  verified_purchase: number;
  created_at: string;
  updated_at: string;
}

export interface Review {
  id: number;
  productId: number;
  author: { id: number; name: string };
  rating: number;
  title: string;
  body: string;
  helpfulCount: number;
  verifiedPurchase: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RatingSummary {
  productId: number;
  count: number;
  average: number | null;
  histogram: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export interface ReviewInput {
  rating: number;
  title: string;
  body: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    productId: row.product_id,
    author: { id: row.user_id, name: row.author_name },
    rating: row.rating,
    title: row.title,
    body: row.body,
    helpfulCount: row.helpful_count,
    verifiedPurchase: row.verified_purchase === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// The monolith's page maths (lib/helpers.ts pageWindow): default 20, at most 100.
export function pageWindow(query: { page?: number; pageSize?: number }): {
  page: number;
  pageSize: number;
  offset: number;
} {
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 20, 100);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
