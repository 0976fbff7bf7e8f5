// Product and category JSON exactly as the monolith renders them (monolith/src/models/product.ts, category.ts).
export interface ProductRow {
  id: number;
  sku: string;
  name: string;
  slug: string;
  description: string;
  brand: string;
  category_id: number;
  category_name: string;
  active: number;
  list_price_cents: number | null;
  sale_price_cents: number | null;
  currency: string | null;
  stock_quantity: number | null;
}

export interface Product {
  id: number;
  sku: string;
  name: string;
  slug: string;
  description: string;
  brand: string;
  category: { id: number; name: string };
  active: boolean;
  price: { listCents: number; saleCents: number | null; currency: string } | null;
  inStock: boolean;
}

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

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    slug: row.slug,
    description: row.description,
    brand: row.brand,
    category: { id: row.category_id, name: row.category_name },
    active: row.active === 1,
    price:
      row.list_price_cents === null
        ? null
        : {
            listCents: row.list_price_cents,
            saleCents: row.sale_price_cents,
            currency: row.currency ?? 'USD',
          },
    inStock: (row.stock_quantity ?? 0) > 0,
  };
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
