// Payments: one attempt to pay for an order.
import type { PaymentMethod, PaymentStatus } from './enums.js';

export interface PaymentRow {
  id: number;
  order_id: number;
  amount_cents: number;
  method: PaymentMethod;
  status: PaymentStatus;
  card_last4: string | null;
  created_at: string;
  refunded_at: string | null;
}

export interface Payment {
  id: number;
  orderId: number;
  amountCents: number;
  method: PaymentMethod;
  status: PaymentStatus;
  cardLast4: string | null;
  createdAt: string;
  refundedAt: string | null;
}

export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    orderId: row.order_id,
    amountCents: row.amount_cents,
    method: row.method,
    status: row.status,
    cardLast4: row.card_last4,
    createdAt: row.created_at,
    refundedAt: row.refunded_at,
  };
}
