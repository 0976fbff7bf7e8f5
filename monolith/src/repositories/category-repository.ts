// Catalog: SQL for the category tree.
import type { Db } from '../db/connection.js';
import type { CategoryRow } from '../models/category.js';

const SELECT = `
  SELECT c.id, c.name, c.slug, c.parent_id,
         (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id AND p.active = 1) AS product_count
  FROM categories c`;

export function listCategories(db: Db): CategoryRow[] {
  return db.prepare(`${SELECT} ORDER BY c.id`).all() as CategoryRow[];
}

export function findCategoryById(db: Db, id: number): CategoryRow | undefined {
  return db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CategoryRow | undefined;
}

export function childCategoryIds(db: Db, parentId: number): number[] {
  const rows = db.prepare('SELECT id FROM categories WHERE parent_id = ? ORDER BY id').all(parentId) as {
    id: number;
  }[];
  return rows.map((r) => r.id);
}
