// Pricing: product prices, promotion codes and the quote that turns lines and a code into totals.
import { config } from '../config.js';
import type { Db } from '../db/connection.js';
import { toPrice, type Price, type Quote, type QuoteLine } from '../models/price.js';
import { toPromotion, type NewPromotion, type Promotion } from '../models/promotion.js';
import * as prices from '../repositories/price-repository.js';
import * as promotions from '../repositories/promotion-repository.js';
import { productExists } from '../repositories/product-repository.js';
import { AppError, conflict, notFound } from '../lib/errors.js';
import { nowIso, pageWindow, percentOf, toPage, type Page, type PageQuery } from '../lib/helpers.js';
import { loadCartLines } from './cart-service.js';

export function getPrice(db: Db, productId: number): Price {
  const row = prices.findPrice(db, productId);
  if (row === undefined) throw notFound('Price');
  return toPrice(row);
}

export function setPrice(
  db: Db,
  productId: number,
  listPriceCents: number,
  salePriceCents: number | null,
): Price {
  if (!productExists(db, productId)) throw notFound('Product');
  if (salePriceCents !== null && salePriceCents >= listPriceCents) {
    throw new AppError(400, 'BAD_REQUEST', 'A sale price must be below the list price.');
  }
  prices.upsertPrice(db, productId, listPriceCents, salePriceCents, config.currency, nowIso());
  return getPrice(db, productId);
}

export function listPromotions(db: Db, query: PageQuery & { activeOnly?: boolean }): Page<Promotion> {
  const window = pageWindow(query);
  const activeOnly = query.activeOnly ?? true;
  const rows = promotions.listPromotions(db, activeOnly, window.limit, window.offset);
  return toPage(rows.map(toPromotion), window, promotions.countPromotions(db, activeOnly));
}

export function getPromotion(db: Db, code: string): Promotion {
  const row = promotions.findPromotionByCode(db, code);
  if (row === undefined) throw notFound('Promotion');
  return toPromotion(row);
}

export function createPromotion(db: Db, input: NewPromotion): Promotion {
  if (promotions.findPromotionByCode(db, input.code) !== undefined) {
    throw conflict(`Promotion ${input.code.toUpperCase()} already exists.`, 'PROMOTION_EXISTS');
  }
  promotions.insertPromotion(db, input);
  return getPromotion(db, input.code);
}

/** The promotion if it can be applied to this subtotal now; 404 or 409 otherwise. */
export function applicablePromotion(db: Db, code: string, subtotalCents: number | null): Promotion {
  const promotion = getPromotion(db, code);
  if (!promotion.active)
    throw conflict(`Promotion ${promotion.code} is not active.`, 'PROMOTION_NOT_APPLICABLE');
  if (promotion.expiresAt !== null && promotion.expiresAt <= nowIso()) {
    throw conflict(`Promotion ${promotion.code} has expired.`, 'PROMOTION_NOT_APPLICABLE');
  }
  if (subtotalCents !== null && subtotalCents < promotion.minSubtotalCents) {
    throw conflict(
      `Promotion ${promotion.code} needs a subtotal of at least ${promotion.minSubtotalCents} cents.`,
      'PROMOTION_NOT_APPLICABLE',
    );
  }
  return promotion;
}

export function quote(
  db: Db,
  items: { productId: number; quantity: number }[],
  promoCode: string | null,
): Quote {
  const priceRows = prices.findPrices(
    db,
    items.map((i) => i.productId),
  );
  const lines: QuoteLine[] = items.map((item) => {
    const row = priceRows.get(item.productId);
    if (row === undefined) throw notFound(`Price for product ${item.productId}`);
    const unit = toPrice(row).effectivePriceCents;
    return {
      productId: item.productId,
      quantity: item.quantity,
      unitPriceCents: unit,
      lineTotalCents: unit * item.quantity,
    };
  });
  const subtotalCents = lines.reduce((sum, l) => sum + l.lineTotalCents, 0);
  let discountCents = 0;
  let appliedCode: string | null = null;
  if (promoCode !== null) {
    const promotion = applicablePromotion(db, promoCode, subtotalCents);
    discountCents = percentOf(subtotalCents, promotion.percentOff);
    appliedCode = promotion.code;
  }
  const afterDiscount = subtotalCents - discountCents;
  const shippingCents =
    lines.length === 0 || afterDiscount >= config.freeShippingThresholdCents ? 0 : config.shippingCents;
  return {
    lines,
    subtotalCents,
    discountCents,
    shippingCents,
    totalCents: afterDiscount + shippingCents,
    promoCode: appliedCode,
    currency: config.currency,
  };
}

/** Prices the signed-in user's cart as checkout will charge it. */
export function quoteCart(db: Db, userId: number): Quote {
  const cart = loadCartLines(db, userId);
  return quote(db, cart.lines, cart.promoCode);
}
