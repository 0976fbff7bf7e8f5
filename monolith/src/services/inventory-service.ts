// Inventory: stock per fulfillment center, adjustments, and the low-stock report.
import { config } from '../config.js';
import type { Db } from '../db/connection.js';
import type { Availability, LowStockRow } from '../models/stock.js';
import * as stock from '../repositories/stock-repository.js';
import { productExists } from '../repositories/product-repository.js';
import { findCenter } from '../repositories/fulfillment-center-repository.js';
import { conflict, notFound } from '../lib/errors.js';
import { pageWindow, toPage, type Page, type PageQuery } from '../lib/helpers.js';

export function getAvailability(db: Db, productId: number): Availability {
  if (!productExists(db, productId)) throw notFound('Product');
  const centers = stock.stockForProduct(db, productId);
  const totalQuantity = centers.reduce((sum, c) => sum + c.quantity, 0);
  return { productId, totalQuantity, inStock: totalQuantity > 0, centers };
}

function ensureProductAndCenter(db: Db, productId: number, centerId: number): void {
  if (!productExists(db, productId)) throw notFound('Product');
  if (findCenter(db, centerId) === undefined) throw notFound('Fulfillment center');
}

export function setStock(db: Db, productId: number, centerId: number, quantity: number): Availability {
  ensureProductAndCenter(db, productId, centerId);
  stock.setQuantity(db, productId, centerId, quantity);
  return getAvailability(db, productId);
}

export function adjustStock(db: Db, productId: number, centerId: number, delta: number): Availability {
  ensureProductAndCenter(db, productId, centerId);
  const current = stock.findQuantity(db, productId, centerId) ?? 0;
  if (current + delta < 0) throw conflict(`Only ${current} units on hand.`, 'INSUFFICIENT_STOCK');
  stock.setQuantity(db, productId, centerId, current + delta);
  return getAvailability(db, productId);
}

export function lowStock(db: Db, query: PageQuery & { threshold?: number }): Page<LowStockRow> {
  const window = pageWindow(query);
  const threshold = query.threshold ?? config.lowStockThreshold;
  return toPage(
    stock.listLowStock(db, threshold, window.limit, window.offset),
    window,
    stock.countLowStock(db, threshold),
  );
}
