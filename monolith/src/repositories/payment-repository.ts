// Payments: SQL for payment attempts.
import type { Db } from '../db/connection.js';
import type { PaymentMethod, PaymentStatus } from '../models/enums.js';
import type { PaymentRow } from '../models/payment.js';

export function insertPayment(
  db: Db,
  payment: {
    orderId: number;
    amountCents: number;
    method: PaymentMethod;
    status: PaymentStatus;
    cardLast4: string | null;
    createdAt: string;
  },
): number {
  const result = db
    .prepare(
      'INSERT INTO payments (order_id, amount_cents, method, status, card_last4, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(
      payment.orderId,
      payment.amountCents,
      payment.method,
      payment.status,
      payment.cardLast4,
      payment.createdAt,
    );
  return Number(result.lastInsertRowid);
}

export function findPayment(db: Db, id: number): PaymentRow | undefined {
  return db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as PaymentRow | undefined;
}

export function paymentsForOrder(db: Db, orderId: number): PaymentRow[] {
  return db.prepare('SELECT * FROM payments WHERE order_id = ? ORDER BY id').all(orderId) as PaymentRow[];
}

export function markRefunded(db: Db, id: number, at: string): void {
  db.prepare("UPDATE payments SET status = 'refunded', refunded_at = ? WHERE id = ?").run(at, id);
}
