// What the reviews service takes from the monolith's database: its two tables, and copies of two other domains' columns.
import { createReviewsSchema } from '../db/open-reviews-db.js';
import { moveTables, type MoveOptions, type MoveResult, type TableSpec } from '@ficus/tools/data-move';

export const REVIEWS_TABLES: readonly TableSpec[] = [
  {
    source: 'reviews',
    target: 'reviews',
    columns: [
      'id',
      'product_id',
      'user_id',
      'rating',
      'title',
      'body',
      'helpful_count',
      'verified_purchase',
      'created_at',
      'updated_at',
    ],
    key: ['id'],
    mode: 'owned',
  },
  {
    source: 'review_votes',
    target: 'review_votes',
    columns: ['review_id', 'user_id'],
    key: ['review_id', 'user_id'],
    mode: 'owned',
  },
  // Author names shown on reviews; accounts stays their writer.
  { source: 'users', target: 'authors', columns: ['id', 'name'], key: ['id'], mode: 'replica' },
  // Which product ids exist, so listing a product's reviews needs no call to the catalog.
  { source: 'products', target: 'known_products', columns: ['id'], key: ['id'], mode: 'replica' },
];

export function moveReviewsData(
  options: Omit<MoveOptions, 'tables' | 'prepareTarget'>,
  clock?: () => number,
): MoveResult {
  return moveTables(
    {
      ...options,
      tables: REVIEWS_TABLES,
      prepareTarget: createReviewsSchema,
    },
    clock,
  );
}
