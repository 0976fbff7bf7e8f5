// The catalog's read use cases: listings, product pages, the category tree and search, with the monolith's checks.
import type { Db } from '../db/open-catalog-db.js';
import type { ProductSort } from '../http/schemas.js';
import { badRequest, notFound } from '../http/service-error.js';
import { pageWindow, toCategory, toProduct, type Category, type Page, type Product } from './catalog-json.js';
import * as store from './catalog-store.js';

type ListQuery = { page?: number; pageSize?: number; sort?: ProductSort };

function page(db: Db, filter: store.ProductFilter, query: ListQuery): Page<Product> {
  const w = pageWindow(query);
  const rows = store.listProducts(db, filter, query.sort ?? 'name', w.pageSize, w.offset);
  return {
    items: rows.map(toProduct),
    page: w.page,
    pageSize: w.pageSize,
    total: store.countProducts(db, filter),
  };
}

// A category's listing includes its direct sub-categories (the tree is two levels deep).
function categoryAndChildren(db: Db, categoryId: number): number[] {
  return [categoryId, ...store.childCategoryIds(db, categoryId)];
}

export function listProducts(
  db: Db,
  query: ListQuery & { category?: number; brand?: string },
): Page<Product> {
  const filter: store.ProductFilter = {};
  if (query.category !== undefined) filter.categoryIds = categoryAndChildren(db, query.category);
  if (query.brand !== undefined) filter.brand = query.brand;
  return page(db, filter, query);
}

export function getProduct(db: Db, id: number): Product {
  const row = store.findProductById(db, id);
  if (row === undefined) throw notFound('Product');
  return toProduct(row);
}

export function getProductBySlug(db: Db, slug: string): Product {
  const row = store.findProductBySlug(db, slug);
  if (row === undefined) throw notFound('Product');
  return toProduct(row);
}

export function searchProducts(db: Db, q: string, query: ListQuery): Page<Product> {
  const term = q.trim();
  if (term.length < 2) throw badRequest('Search for at least two characters.');
  return page(db, { search: term }, query);
}

export function listCategories(db: Db): Category[] {
  return store.listCategories(db).map(toCategory);
}

export function getCategory(db: Db, id: number): Category & { children: Category[] } {
  const row = store.findCategoryById(db, id);
  if (row === undefined) throw notFound('Category');
  const children = store
    .childCategoryIds(db, id)
    .map((childId) => store.findCategoryById(db, childId))
    .filter((c) => c !== undefined)
    .map(toCategory);
  return { ...toCategory(row), children };
}

export function listCategoryProducts(db: Db, id: number, query: ListQuery): Page<Product> {
  if (store.findCategoryById(db, id) === undefined) throw notFound('Category');
  return page(db, { categoryIds: categoryAndChildren(db, id) }, query);
}
