// Orders: a checked-out cart and its lines.
import type { OrderStatus } from './enums.js';

export interface OrderRow {
  id: number;
  user_id: number;
  status: OrderStatus;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  total_cents: number;
  promo_code: string | null;
  address_id: number | null;
  created_at: string;
}

export interface OrderItem {
  productId: number;
  productName: string;
  centerId: number;
  quantity: number;
  unitPriceCents: number;
}

export interface Order {
  id: number;
  userId: number;
  status: OrderStatus;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  promoCode: string | null;
  addressId: number | null;
  createdAt: string;
  items: OrderItem[];
}

export interface OrderSummary {
  id: number;
  status: OrderStatus;
  totalCents: number;
  createdAt: string;
  itemCount: number;
  productNames: string[];
}

export function toOrder(row: OrderRow, items: OrderItem[]): Order {
  return {
    id: row.id,
    userId: row.user_id,
    status: row.status,
    subtotalCents: row.subtotal_cents,
    discountCents: row.discount_cents,
    shippingCents: row.shipping_cents,
    totalCents: row.total_cents,
    promoCode: row.promo_code,
    addressId: row.address_id,
    createdAt: row.created_at,
    items,
  };
}
