// Catalog: product listings, product pages, categories and search; admins add and edit products.
import { config } from '../config.js';
import type { Db } from '../db/connection.js';
import { toCategory, type Category } from '../models/category.js';
import type { ProductSort } from '../models/enums.js';
import { toProduct, type NewProduct, type Product, type ProductChanges } from '../models/product.js';
import * as categories from '../repositories/category-repository.js';
import * as products from '../repositories/product-repository.js';
import { upsertPrice } from '../repositories/price-repository.js';
import { insertEmptyStock } from '../repositories/stock-repository.js';
import { badRequest, conflict, notFound } from '../lib/errors.js';
import { nowIso, pageWindow, slugify, toPage, type Page, type PageQuery } from '../lib/helpers.js';

export interface ProductQuery extends PageQuery {
  category?: number;
  brand?: string;
  sort?: ProductSort;
}

function page(
  db: Db,
  filter: products.ProductFilter,
  query: PageQuery & { sort?: ProductSort },
): Page<Product> {
  const window = pageWindow(query);
  const rows = products.listProducts(db, filter, query.sort ?? 'name', window.limit, window.offset);
  return toPage(rows.map(toProduct), window, products.countProducts(db, filter));
}

function categoryAndChildren(db: Db, categoryId: number): number[] {
  return [categoryId, ...categories.childCategoryIds(db, categoryId)];
}

export function listProducts(db: Db, query: ProductQuery): Page<Product> {
  const filter: products.ProductFilter = {};
  if (query.category !== undefined) filter.categoryIds = categoryAndChildren(db, query.category);
  if (query.brand !== undefined) filter.brand = query.brand;
  return page(db, filter, query);
}

export function getProduct(db: Db, id: number): Product {
  const row = products.findProductById(db, id);
  if (row === undefined) throw notFound('Product');
  return toProduct(row);
}

export function getProductBySlug(db: Db, slug: string): Product {
  const row = products.findProductBySlug(db, slug);
  if (row === undefined) throw notFound('Product');
  return toProduct(row);
}

export function searchProducts(db: Db, q: string, query: PageQuery & { sort?: ProductSort }): Page<Product> {
  const term = q.trim();
  if (term.length < 2) throw badRequest('Search for at least two characters.');
  return page(db, { search: term }, query);
}

export function createProduct(db: Db, input: NewProduct): Product {
  if (categories.findCategoryById(db, input.categoryId) === undefined) throw notFound('Category');
  if (products.skuExists(db, input.sku)) throw conflict(`SKU ${input.sku} already exists.`, 'SKU_TAKEN');
  const id = db.transaction(() => {
    const at = nowIso();
    const productId = products.insertProduct(
      db,
      input,
      `${slugify(input.name)}-${input.sku.toLowerCase()}`,
      at,
    );
    // A product is unsellable without a price row and stock rows, so the catalog writes them itself.
    upsertPrice(db, productId, input.listPriceCents, null, config.currency, at);
    insertEmptyStock(db, productId);
    return productId;
  })();
  return getProduct(db, id);
}

export function updateProduct(db: Db, id: number, changes: ProductChanges): Product {
  if (!products.productExists(db, id)) throw notFound('Product');
  if (changes.categoryId !== undefined && categories.findCategoryById(db, changes.categoryId) === undefined) {
    throw notFound('Category');
  }
  products.updateProduct(db, id, changes);
  return getProduct(db, id);
}

export function discontinueProduct(db: Db, id: number): void {
  if (!products.productExists(db, id)) throw notFound('Product');
  products.setProductActive(db, id, false);
}

export function listCategories(db: Db): Category[] {
  return categories.listCategories(db).map(toCategory);
}

export function getCategory(db: Db, id: number): Category & { children: Category[] } {
  const row = categories.findCategoryById(db, id);
  if (row === undefined) throw notFound('Category');
  const children = categories
    .childCategoryIds(db, id)
    .map((childId) => categories.findCategoryById(db, childId))
    .filter((c) => c !== undefined)
    .map(toCategory);
  return { ...toCategory(row), children };
}

export function listCategoryProducts(
  db: Db,
  id: number,
  query: PageQuery & { sort?: ProductSort },
): Page<Product> {
  if (categories.findCategoryById(db, id) === undefined) throw notFound('Category');
  return page(db, { categoryIds: categoryAndChildren(db, id) }, query);
}
