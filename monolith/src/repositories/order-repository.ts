// Orders: SQL for orders and their lines; history and detail queries join the catalog's products table.
import type { Db } from '../db/connection.js';
import type { OrderStatus } from '../models/enums.js';
import type { OrderItem, OrderRow } from '../models/order.js';
import { totalOf } from '../lib/helpers.js';

export interface NewOrder {
  userId: number;
  status: OrderStatus;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  promoCode: string | null;
  addressId: number | null;
  createdAt: string;
}

export interface OrderHistoryRow {
  id: number;
  status: OrderStatus;
  total_cents: number;
  created_at: string;
  item_count: number;
  product_names: string;
}

export function insertOrder(db: Db, order: NewOrder): number {
  const result = db
    .prepare(
      `INSERT INTO orders (user_id, status, subtotal_cents, discount_cents, shipping_cents, total_cents, promo_code,
         address_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      order.userId,
      order.status,
      order.subtotalCents,
      order.discountCents,
      order.shippingCents,
      order.totalCents,
      order.promoCode,
      order.addressId,
      order.createdAt,
    );
  return Number(result.lastInsertRowid);
}

export function insertOrderItem(db: Db, orderId: number, item: Omit<OrderItem, 'productName'>): void {
  db.prepare(
    'INSERT INTO order_items (order_id, product_id, center_id, quantity, unit_price_cents) VALUES (?, ?, ?, ?, ?)',
  ).run(orderId, item.productId, item.centerId, item.quantity, item.unitPriceCents);
}

export function findOrder(db: Db, id: number): OrderRow | undefined {
  return db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
}

export function orderItems(db: Db, orderId: number): OrderItem[] {
  return db
    .prepare(
      `SELECT oi.product_id AS productId, p.name AS productName, oi.center_id AS centerId, oi.quantity,
              oi.unit_price_cents AS unitPriceCents
       FROM order_items oi JOIN products p ON p.id = oi.product_id
       WHERE oi.order_id = ? ORDER BY oi.id`,
    )
    .all(orderId) as OrderItem[];
}

export function orderHistory(
  db: Db,
  userId: number | null,
  status: string | null,
  limit: number,
  offset: number,
): OrderHistoryRow[] {
  return db
    .prepare(
      `SELECT o.id, o.status, o.total_cents, o.created_at, SUM(oi.quantity) AS item_count,
              GROUP_CONCAT(p.name, '|') AS product_names
       FROM orders o JOIN order_items oi ON oi.order_id = o.id JOIN products p ON p.id = oi.product_id
       WHERE (? IS NULL OR o.user_id = ?) AND (? IS NULL OR o.status = ?)
       GROUP BY o.id ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?`,
    )
    .all(userId, userId, status, status, limit, offset) as OrderHistoryRow[];
}

export function countOrders(db: Db, userId: number | null, status: string | null): number {
  return totalOf(
    db
      .prepare(
        'SELECT COUNT(*) AS total FROM orders WHERE (? IS NULL OR user_id = ?) AND (? IS NULL OR status = ?)',
      )
      .get(userId, userId, status, status),
  );
}

export function setOrderStatus(db: Db, id: number, status: OrderStatus): void {
  db.prepare('UPDATE orders SET status = ? WHERE id = ?').run(status, id);
}

export function hasPurchased(db: Db, userId: number, productId: number): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM orders o JOIN order_items oi ON oi.order_id = o.id
         WHERE o.user_id = ? AND oi.product_id = ? AND o.status IN ('paid', 'shipped', 'delivered') LIMIT 1`,
      )
      .get(userId, productId) !== undefined
  );
}
