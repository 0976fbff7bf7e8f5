// Cart: adding, changing and removing lines, and the promotion code; totals come from the pricing service.
import { config } from '../config.js';
import type { Db } from '../db/connection.js';
import type { Cart } from '../models/cart.js';
import * as carts from '../repositories/cart-repository.js';
import { findProductNameAndState } from '../repositories/product-repository.js';
import { totalStock } from '../repositories/stock-repository.js';
import { conflict, notFound } from '../lib/errors.js';
import { nowIso } from '../lib/helpers.js';
import { applicablePromotion, quote } from './pricing-service.js';

export function loadCartLines(
  db: Db,
  userId: number,
): { lines: { productId: number; quantity: number; name: string }[]; promoCode: string | null } {
  const lines = carts.cartLines(db, userId).map((row) => ({
    productId: row.product_id,
    quantity: row.quantity,
    name: row.name,
  }));
  return { lines, promoCode: carts.findPromoCode(db, userId) };
}

export function getCart(db: Db, userId: number): Cart {
  const { lines, promoCode } = loadCartLines(db, userId);
  const totals = quote(db, lines, null);
  let discountCents = 0;
  let shippingCents = totals.shippingCents;
  if (promoCode !== null) {
    // A code that stopped applying (expired, cart shrank) stays on the cart but gives no discount until it applies.
    try {
      const q = quote(db, lines, promoCode);
      discountCents = q.discountCents;
      shippingCents = q.shippingCents;
    } catch {
      discountCents = 0;
    }
  }
  return {
    lines: totals.lines.map((line, i) => ({ ...line, name: lines[i]?.name ?? '' })),
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    promoCode,
    subtotalCents: totals.subtotalCents,
    discountCents,
    shippingCents,
    totalCents: totals.subtotalCents - discountCents + shippingCents,
    currency: config.currency,
  };
}

function ensureSellable(db: Db, productId: number, quantity: number): void {
  const product = findProductNameAndState(db, productId);
  if (product === undefined) throw notFound('Product');
  if (product.active !== 1) throw conflict('That product is discontinued.', 'PRODUCT_DISCONTINUED');
  if (quantity > config.maxCartQuantity) {
    throw conflict(`At most ${config.maxCartQuantity} of one product per order.`, 'QUANTITY_LIMIT');
  }
  if (totalStock(db, productId) < quantity) throw conflict('Not enough stock.', 'OUT_OF_STOCK');
}

export function addItem(db: Db, userId: number, productId: number, quantity: number): Cart {
  const next = (carts.findLineQuantity(db, userId, productId) ?? 0) + quantity;
  ensureSellable(db, productId, next);
  carts.touchCart(db, userId, nowIso());
  carts.setLineQuantity(db, userId, productId, next);
  return getCart(db, userId);
}

export function updateItem(db: Db, userId: number, productId: number, quantity: number): Cart {
  if (carts.findLineQuantity(db, userId, productId) === undefined) throw notFound('Cart line');
  ensureSellable(db, productId, quantity);
  carts.setLineQuantity(db, userId, productId, quantity);
  return getCart(db, userId);
}

export function removeItem(db: Db, userId: number, productId: number): Cart {
  if (!carts.removeLine(db, userId, productId)) throw notFound('Cart line');
  return getCart(db, userId);
}

export function clearCart(db: Db, userId: number): void {
  carts.clearCart(db, userId);
}

export function applyPromoCode(db: Db, userId: number, code: string): Cart {
  const subtotal = getCart(db, userId).subtotalCents;
  const promotion = applicablePromotion(db, code, subtotal);
  carts.setPromoCode(db, userId, promotion.code, nowIso());
  return getCart(db, userId);
}

export function removePromoCode(db: Db, userId: number): Cart {
  carts.setPromoCode(db, userId, null, nowIso());
  return getCart(db, userId);
}
