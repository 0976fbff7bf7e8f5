// Catalog: SQL for products. The listing query joins pricing's and inventory's tables, as it always has.
import type { Db } from '../db/connection.js';
import type { ProductSort } from '../models/enums.js';
import type { NewProduct, ProductChanges, ProductRow } from '../models/product.js';
import { escapeLike, totalOf } from '../lib/helpers.js';

export interface ProductFilter {
  categoryIds?: number[];
  search?: string;
  brand?: string;
  includeInactive?: boolean;
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

function where(filter: ProductFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.includeInactive !== true) clauses.push('p.active = 1');
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
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
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
  return totalOf(db.prepare(`SELECT COUNT(*) AS total FROM products p ${w.sql}`).get(...w.params));
}

export function findProductById(db: Db, id: number): ProductRow | undefined {
  return db.prepare(`${LISTING_SELECT} WHERE p.id = ?`).get(id) as ProductRow | undefined;
}

export function findProductBySlug(db: Db, slug: string): ProductRow | undefined {
  return db.prepare(`${LISTING_SELECT} WHERE p.slug = ?`).get(slug) as ProductRow | undefined;
}

export function productExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM products WHERE id = ?').get(id) !== undefined;
}

export function findProductNameAndState(db: Db, id: number): { name: string; active: number } | undefined {
  return db.prepare('SELECT name, active FROM products WHERE id = ?').get(id) as
    { name: string; active: number } | undefined;
}

export function skuExists(db: Db, sku: string): boolean {
  return db.prepare('SELECT 1 FROM products WHERE sku = ?').get(sku) !== undefined;
}

export function insertProduct(db: Db, product: NewProduct, slug: string, createdAt: string): number {
  const result = db
    .prepare(
      `INSERT INTO products (sku, name, slug, description, brand, category_id, active, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
    )
    .run(product.sku, product.name, slug, product.description, product.brand, product.categoryId, createdAt);
  return Number(result.lastInsertRowid);
}

export function updateProduct(db: Db, id: number, changes: ProductChanges): void {
  db.prepare(
    `UPDATE products SET name = COALESCE(?, name), description = COALESCE(?, description),
       brand = COALESCE(?, brand), category_id = COALESCE(?, category_id) WHERE id = ?`,
  ).run(
    changes.name ?? null,
    changes.description ?? null,
    changes.brand ?? null,
    changes.categoryId ?? null,
    id,
  );
}

export function setProductActive(db: Db, id: number, active: boolean): void {
  db.prepare('UPDATE products SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
}
