// Pricing: promotion codes a shopper applies to a cart.
import { toBool } from '../lib/helpers.js';

export interface PromotionRow {
  id: number;
  code: string;
  description: string;
  percent_off: number;
  min_subtotal_cents: number;
  active: number;
  expires_at: string | null;
}

export interface Promotion {
  id: number;
  code: string;
  description: string;
  percentOff: number;
  minSubtotalCents: number;
  active: boolean;
  expiresAt: string | null;
}

export interface NewPromotion {
  code: string;
  description: string;
  percentOff: number;
  minSubtotalCents?: number;
  expiresAt?: string;
}

export function toPromotion(row: PromotionRow): Promotion {
  return {
    id: row.id,
    code: row.code,
    description: row.description,
    percentOff: row.percent_off,
    minSubtotalCents: row.min_subtotal_cents,
    active: toBool(row.active),
    expiresAt: row.expires_at,
  };
}
