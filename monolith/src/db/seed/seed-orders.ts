// Seeds order history with its payments, shipments, outbox notifications, and a few open carts.
import type Database from 'better-sqlite3';
import {
  Carriers,
  NotificationKind,
  OrderStatus,
  PaymentStatus,
  ShipmentStatus,
} from '../../models/enums.js';
import { minutesAfter, minutesBefore, type Prng } from './prng.js';

// The raw driver type, so this module never imports the connection module that calls it.
type Db = Database.Database;

export const SEED_ORDER_COUNT = 2000;

export interface SeededOrders {
  orders: number;
  orderItems: number;
  payments: number;
  shipments: number;
  notifications: number;
  carts: number;
}

type Statement = Database.Statement<unknown[]>;

interface Statements {
  order: Statement;
  item: Statement;
  payment: Statement;
  shipment: Statement;
  notification: Statement;
}

function pickStatus(rng: Prng): OrderStatus {
  const roll = rng.next();
  if (roll < 0.55) return OrderStatus.Delivered;
  if (roll < 0.7) return OrderStatus.Shipped;
  if (roll < 0.8) return OrderStatus.Paid;
  if (roll < 0.9) return OrderStatus.PendingPayment;
  return OrderStatus.Cancelled;
}

export function seedOrders(
  db: Db,
  rng: Prng,
  baseDate: string,
  catalog: { unitPrice: Map<number, number>; activeProductIds: number[] },
  users: { customers: number; all: number; centers: number },
): SeededOrders {
  const s: Statements = {
    order: db.prepare(
      `INSERT INTO orders (id, user_id, status, subtotal_cents, discount_cents, shipping_cents, total_cents, promo_code,
         address_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    item: db.prepare(
      'INSERT INTO order_items (order_id, product_id, center_id, quantity, unit_price_cents) VALUES (?, ?, ?, ?, ?)',
    ),
    payment: db.prepare(
      `INSERT INTO payments (order_id, amount_cents, method, status, card_last4, created_at, refunded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    shipment: db.prepare(
      `INSERT INTO shipments (order_id, center_id, status, carrier, tracking_number, created_at, dispatched_at,
         delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    notification: db.prepare(
      `INSERT INTO notification_outbox (user_id, kind, channel, payload, status, created_at, sent_at)
       VALUES (?, ?, 'email', ?, ?, ?, ?)`,
    ),
  };
  const counts: SeededOrders = {
    orders: 0,
    orderItems: 0,
    payments: 0,
    shipments: 0,
    notifications: 0,
    carts: 0,
  };
  const notify = (
    userId: number,
    kind: NotificationKind,
    payload: object,
    at: string,
    sent: boolean,
  ): void => {
    s.notification.run(
      userId,
      kind,
      JSON.stringify(payload),
      sent ? 'sent' : 'pending',
      at,
      sent ? at : null,
    );
    counts.notifications += 1;
  };

  for (let userId = 1; userId <= users.all; userId += 1) {
    const at = minutesBefore(baseDate, 60 * 24 * 400 + userId);
    notify(userId, NotificationKind.Welcome, { userId }, at, true);
  }

  for (let orderId = 1; orderId <= SEED_ORDER_COUNT; orderId += 1) {
    const userId = rng.int(1, users.customers);
    const status = pickStatus(rng);
    // Older ids are older orders, so the history reads naturally.
    const createdAt = minutesBefore(baseDate, (SEED_ORDER_COUNT - orderId) * 300 + rng.int(0, 200));
    const lines = new Map<number, { quantity: number; center: number }>();
    const lineCount = rng.int(1, 4);
    while (lines.size < lineCount) {
      lines.set(rng.pick(catalog.activeProductIds), {
        quantity: rng.int(1, 3),
        center: rng.int(1, users.centers),
      });
    }
    let subtotal = 0;
    for (const [productId, line] of lines)
      subtotal += (catalog.unitPrice.get(productId) ?? 0) * line.quantity;
    const promo = rng.chance(0.1) ? 'WELCOME10' : null;
    const discount = promo === null ? 0 : Math.round(subtotal * 0.1);
    const shipping = subtotal - discount >= 5000 ? 0 : 499;
    const total = subtotal - discount + shipping;
    s.order.run(orderId, userId, status, subtotal, discount, shipping, total, promo, userId, createdAt);
    for (const [productId, line] of lines) {
      s.item.run(orderId, productId, line.center, line.quantity, catalog.unitPrice.get(productId) ?? 0);
      counts.orderItems += 1;
    }
    counts.orders += 1;
    const recent = orderId > SEED_ORDER_COUNT - 100;
    notify(userId, NotificationKind.OrderPlaced, { orderId }, createdAt, !recent);

    const paidAt = minutesAfter(createdAt, 5);
    const paid =
      status !== OrderStatus.PendingPayment && !(status === OrderStatus.Cancelled && rng.chance(0.5));
    if (paid) {
      const refunded = status === OrderStatus.Cancelled;
      s.payment.run(
        orderId,
        total,
        'card',
        refunded ? PaymentStatus.Refunded : PaymentStatus.Captured,
        String(rng.int(1000, 9999)),
        paidAt,
        refunded ? minutesAfter(paidAt, 60) : null,
      );
      counts.payments += 1;
      notify(userId, NotificationKind.PaymentReceived, { orderId }, paidAt, !recent);
    } else if (status === OrderStatus.PendingPayment && rng.chance(0.3)) {
      s.payment.run(orderId, total, 'card', PaymentStatus.Declined, '0000', paidAt, null);
      counts.payments += 1;
      notify(userId, NotificationKind.PaymentDeclined, { orderId }, paidAt, !recent);
    }

    if (status === OrderStatus.Paid || status === OrderStatus.Shipped || status === OrderStatus.Delivered) {
      const centers = [...new Set([...lines.values()].map((l) => l.center))].sort((a, b) => a - b);
      for (const center of centers) {
        const dispatchedAt = status === OrderStatus.Paid ? null : minutesAfter(paidAt, 60 * 20);
        const deliveredAt = status === OrderStatus.Delivered ? minutesAfter(paidAt, 60 * 72) : null;
        const shipmentStatus =
          status === OrderStatus.Delivered
            ? ShipmentStatus.Delivered
            : status === OrderStatus.Shipped
              ? ShipmentStatus.Dispatched
              : ShipmentStatus.Pending;
        const tracking = `TRK${String(orderId).padStart(7, '0')}${center}`;
        s.shipment.run(
          orderId,
          center,
          shipmentStatus,
          rng.pick(Carriers),
          tracking,
          paidAt,
          dispatchedAt,
          deliveredAt,
        );
        counts.shipments += 1;
        if (dispatchedAt !== null)
          notify(userId, NotificationKind.ShipmentDispatched, { orderId }, dispatchedAt, true);
        if (deliveredAt !== null)
          notify(userId, NotificationKind.ShipmentDelivered, { orderId }, deliveredAt, true);
      }
    }
  }

  const insertCart = db.prepare('INSERT INTO carts (user_id, promo_code, updated_at) VALUES (?, NULL, ?)');
  const insertCartItem = db.prepare(
    'INSERT OR IGNORE INTO cart_items (user_id, product_id, quantity) VALUES (?, ?, ?)',
  );
  for (let userId = 301; userId <= 360; userId += 1) {
    insertCart.run(userId, minutesBefore(baseDate, rng.int(10, 6000)));
    const itemCount = rng.int(1, 3);
    for (let i = 0; i < itemCount; i += 1)
      insertCartItem.run(userId, rng.pick(catalog.activeProductIds), rng.int(1, 2));
    counts.carts += 1;
  }
  return counts;
}
