// Catalog products as listed and shown (with the price and availability the listing query joins in).
import { toBool } from '../lib/helpers.js';

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

export interface NewProduct {
  sku: string;
  name: string;
  description: string;
  brand: string;
  categoryId: number;
  listPriceCents: number;
}

export interface ProductChanges {
  name?: string;
  description?: string;
  brand?: string;
  categoryId?: number;
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
    active: toBool(row.active),
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
