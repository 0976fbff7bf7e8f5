// Payments: paying for an order (a fake card processor), refunds, and payment lookups.
import { config } from '../config.js';
import type { Db } from '../db/connection.js';
import type { User } from '../models/account.js';
import { Carriers, NotificationKind, OrderStatus, PaymentMethod, PaymentStatus } from '../models/enums.js';
import { toPayment, type Payment } from '../models/payment.js';
import * as payments from '../repositories/payment-repository.js';
import { insertShipment } from '../repositories/shipment-repository.js';
import { enqueueNotification } from '../repositories/notification-repository.js';
import { AppError, conflict, notFound } from '../lib/errors.js';
import { nowIso } from '../lib/helpers.js';
import { getOrderFor, markPaid } from './order-service.js';

export function paymentMethods(): { id: PaymentMethod; label: string }[] {
  return [
    { id: PaymentMethod.Card, label: 'Credit or debit card' },
    { id: PaymentMethod.GiftCard, label: 'Gift card' },
    { id: PaymentMethod.Invoice, label: 'Invoice (business accounts)' },
  ];
}

export function pay(
  db: Db,
  user: User,
  input: { orderId: number; method: PaymentMethod; cardNumber?: string },
): Payment {
  const order = getOrderFor(db, user, input.orderId);
  if (order.status !== OrderStatus.PendingPayment) {
    throw conflict(`The order is ${order.status}, not awaiting payment.`, 'ORDER_NOT_PAYABLE');
  }
  const cardLast4 = input.cardNumber === undefined ? null : input.cardNumber.slice(-4);
  if (input.method === PaymentMethod.Card && cardLast4 === null) {
    throw new AppError(400, 'BAD_REQUEST', 'A card payment needs cardNumber.');
  }
  const at = nowIso();
  if (cardLast4 === config.declinedCardSuffix) {
    payments.insertPayment(db, {
      orderId: order.id,
      amountCents: order.totalCents,
      method: input.method,
      status: PaymentStatus.Declined,
      cardLast4,
      createdAt: at,
    });
    enqueueNotification(db, order.userId, NotificationKind.PaymentDeclined, { orderId: order.id }, at);
    throw new AppError(402, 'PAYMENT_DECLINED', 'The card was declined.');
  }
  const id = db.transaction(() => {
    const paymentId = payments.insertPayment(db, {
      orderId: order.id,
      amountCents: order.totalCents,
      method: input.method,
      status: PaymentStatus.Captured,
      cardLast4,
      createdAt: at,
    });
    markPaid(db, order.id);
    // Payments has always opened the shipments itself, one per center the order's items ship from.
    const centers = [...new Set(order.items.map((i) => i.centerId))].sort((a, b) => a - b);
    for (const centerId of centers) {
      insertShipment(db, {
        orderId: order.id,
        centerId,
        carrier: Carriers[(order.id + centerId) % Carriers.length] ?? 'UPS',
        trackingNumber: `TRK${String(order.id).padStart(7, '0')}${centerId}`,
        createdAt: at,
      });
    }
    enqueueNotification(
      db,
      order.userId,
      NotificationKind.PaymentReceived,
      { orderId: order.id, paymentId },
      at,
    );
    return paymentId;
  })();
  return getPayment(db, user, id);
}

export function getPayment(db: Db, user: User, id: number): Payment {
  const row = payments.findPayment(db, id);
  if (row === undefined) throw notFound('Payment');
  getOrderFor(db, user, row.order_id);
  return toPayment(row);
}

export function paymentsForOrder(db: Db, user: User, orderId: number): Payment[] {
  getOrderFor(db, user, orderId);
  return payments.paymentsForOrder(db, orderId).map(toPayment);
}

export function refundPayment(db: Db, id: number): Payment {
  const row = payments.findPayment(db, id);
  if (row === undefined) throw notFound('Payment');
  if (row.status !== PaymentStatus.Captured)
    throw conflict(`A ${row.status} payment cannot be refunded.`, 'NOT_REFUNDABLE');
  payments.markRefunded(db, id, nowIso());
  return toPayment(payments.findPayment(db, id) ?? row);
}

export function refundOrderPayments(db: Db, orderId: number): number {
  const captured = payments.paymentsForOrder(db, orderId).filter((p) => p.status === PaymentStatus.Captured);
  const at = nowIso();
  for (const payment of captured) payments.markRefunded(db, payment.id, at);
  return captured.length;
}
