// SQL over the catalog's tables and its price and stock copies; the same queries, orderings and filters as the
// monolith's product and category repositories, so listings page identically.
import type { Db } from '../db/open-catalog-db.js';
import type { CategoryRow, ProductRow } from './catalog-json.js';
import type { ProductSort } from '../http/schemas.js';

export interface ProductFilter {
  categoryIds?: number[];
  search?: string;
  brand?: string;
}

const LISTING_SELECT = `
  SELECT p.id, p.sku, p.name, p.slug, p.description, p.brand, p.category_id, c.name AS category_name, p.active,
         pr.list_price_cents, pr.sale_price_cents, pr.currency,
         (SELECT SUM(s.quantity) FROM stock s WHERE s.product_id = p.id) AS stock_quantity
  FROM products p
  JOIN categories c ON c.id = p.category_id
  LEFT JOIN prices pr ON pr.product_id = p.id`;

const ORDER_BY: Record<ProductSort, string> = {
  name: 'p.name ASC, p.id ASC',
  price_asc: 'COALESCE(pr.sale_price_cents, pr.list_price_cents) ASC, p.id ASC',
  price_desc: 'COALESCE(pr.sale_price_cents, pr.list_price_cents) DESC, p.id ASC',
  newest: 'p.created_at DESC, p.id DESC',
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Listings show active products only, as in the monolith; a product page shows discontinued ones too.
function where(filter: ProductFilter): { sql: string; params: unknown[] } {
  const clauses = ['p.active = 1'];
  const params: unknown[] = [];
  if (filter.categoryIds !== undefined) {
    clauses.push(`p.category_id IN (${filter.categoryIds.map(() => '?').join(', ')})`);
    params.push(...filter.categoryIds);
  }
  if (filter.brand !== undefined) {
    clauses.push('p.brand = ?');
    params.push(filter.brand);
  }
  if (filter.search !== undefined) {
    const pattern = `%${escapeLike(filter.search)}%`;
    clauses.push("(p.name LIKE ? ESCAPE '\\' OR p.brand LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\')");
    params.push(pattern, pattern, pattern);
  }
  return { sql: `WHERE ${clauses.join(' AND ')}`, params };
}

export function listProducts(
  db: Db,
  filter: ProductFilter,
  sort: ProductSort,
  limit: number,
  offset: number,
): ProductRow[] {
  const w = where(filter);
  return db
    .prepare(`${LISTING_SELECT} ${w.sql} ORDER BY ${ORDER_BY[sort]} LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as ProductRow[];
}

export function countProducts(db: Db, filter: ProductFilter): number {
  const w = where(filter);
  return (db.prepare(`SELECT COUNT(*) AS n FROM products p ${w.sql}`).get(...w.params) as { n: number }).n;
}

export function findProductById(db: Db, id: number): ProductRow | undefined {
  return db.prepare(`${LISTING_SELECT} WHERE p.id = ?`).get(id) as ProductRow | undefined;
}

export function findProductBySlug(db: Db, slug: string): ProductRow | undefined {
  return db.prepare(`${LISTING_SELECT} WHERE p.slug = ?`).get(slug) as ProductRow | undefined;
}

const CATEGORY_SELECT = `
  SELECT c.id, c.name, c.slug, c.parent_id,
         (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id AND p.active = 1) AS product_count
  FROM categories c`;

export function listCategories(db: Db): CategoryRow[] {
  return db.prepare(`${CATEGORY_SELECT} ORDER BY c.id`).all() as CategoryRow[];
}

export function findCategoryById(db: Db, id: number): CategoryRow | undefined {
  return db.prepare(`${CATEGORY_SELECT} WHERE c.id = ?`).get(id) as CategoryRow | undefined;
}

export function childCategoryIds(db: Db, parentId: number): number[] {
  const rows = db.prepare('SELECT id FROM categories WHERE parent_id = ? ORDER BY id').all(parentId) as {
    id: number;
  }[];
  return rows.map((r) => r.id);
}
