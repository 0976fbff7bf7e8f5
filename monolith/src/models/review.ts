// Reviews: a shopper's rating and text about a product, and the product's rating summary.
import { toBool } from '../lib/helpers.js';

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

export function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    productId: row.product_id,
    author: { id: row.user_id, name: row.author_name },
    rating: row.rating,
    title: row.title,
    body: row.body,
    helpfulCount: row.helpful_count,
    verifiedPurchase: toBool(row.verified_purchase),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
