// What the catalog service takes from the monolith's database. Every table is a `replica` while the monolith still
// writes products (its admin routes and six other domains' SQL need the rows there): each run brings them level.
import { createCatalogSchema } from '../db/open-catalog-db.js';
import { moveTables, type MoveOptions, type MoveResult, type TableSpec } from '@ficus/tools/data-move';

export const CATALOG_TABLES: readonly TableSpec[] = [
  {
    source: 'categories',
    target: 'categories',
    columns: ['id', 'name', 'slug', 'parent_id'],
    key: ['id'],
    mode: 'replica',
  },
  {
    source: 'products',
    target: 'products',
    columns: ['id', 'sku', 'name', 'slug', 'description', 'brand', 'category_id', 'active', 'created_at'],
    key: ['id'],
    mode: 'replica',
  },
  // Pricing's and inventory's columns behind `price` and `inStock` in the product JSON.
  {
    source: 'prices',
    target: 'prices',
    columns: ['product_id', 'list_price_cents', 'sale_price_cents', 'currency'],
    key: ['product_id'],
    mode: 'replica',
  },
  {
    source: 'stock',
    target: 'stock',
    columns: ['product_id', 'center_id', 'quantity'],
    key: ['product_id', 'center_id'],
    mode: 'replica',
  },
];

export function moveCatalogData(
  options: Omit<MoveOptions, 'tables' | 'prepareTarget'>,
  clock?: () => number,
): MoveResult {
  return moveTables({ ...options, tables: CATALOG_TABLES, prepareTarget: createCatalogSchema }, clock);
}
