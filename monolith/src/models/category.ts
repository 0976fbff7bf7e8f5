// Catalog categories: a two-level tree of departments and their sub-categories.
export interface CategoryRow {
  id: number;
  name: string;
  slug: string;
  parent_id: number | null;
  product_count: number;
}

export interface Category {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  productCount: number;
}

export function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    parentId: row.parent_id,
    productCount: row.product_count,
  };
}
