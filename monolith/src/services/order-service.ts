// Orders: checkout (reserve stock, price the cart, create the order), order history, and cancellation.
import type { Db } from '../db/connection.js';
import { NotificationKind, OrderStatus } from '../models/enums.js';
import { toOrder, type Order, type OrderSummary } from '../models/order.js';
import * as orders from '../repositories/order-repository.js';
import { adjustQuantity, pickCenterWithStock } from '../repositories/stock-repository.js';
import { clearCart } from '../repositories/cart-repository.js';
import { enqueueNotification } from '../repositories/notification-repository.js';
import { isAdmin } from '../lib/auth.js';
import type { User } from '../models/account.js';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors.js';
import { nowIso, pageWindow, toPage, type Page, type PageQuery } from '../lib/helpers.js';
import { ownsAddress } from './account-service.js';
import { quoteCart } from './pricing-service.js';
import { refundOrderPayments } from './payment-service.js';

function load(db: Db, id: number): Order {
  const row = orders.findOrder(db, id);
  if (row === undefined) throw notFound('Order');
  return toOrder(row, orders.orderItems(db, id));
}

export function checkout(db: Db, userId: number, input: { addressId?: number }): Order {
  if (input.addressId !== undefined && !ownsAddress(db, userId, input.addressId))
    throw badRequest('Unknown address.');
  const quote = quoteCart(db, userId);
  if (quote.lines.length === 0) throw conflict('The cart is empty.', 'CART_EMPTY');
  const id = db.transaction(() => {
    const at = nowIso();
    const orderId = orders.insertOrder(db, {
      userId,
      status: OrderStatus.PendingPayment,
      subtotalCents: quote.subtotalCents,
      discountCents: quote.discountCents,
      shippingCents: quote.shippingCents,
      totalCents: quote.totalCents,
      promoCode: quote.promoCode,
      addressId: input.addressId ?? null,
      createdAt: at,
    });
    for (const line of quote.lines) {
      const centerId = pickCenterWithStock(db, line.productId, line.quantity);
      if (centerId === undefined)
        throw conflict(`Product ${line.productId} is out of stock.`, 'OUT_OF_STOCK');
      adjustQuantity(db, line.productId, centerId, -line.quantity);
      orders.insertOrderItem(db, orderId, {
        productId: line.productId,
        centerId,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
      });
    }
    clearCart(db, userId);
    enqueueNotification(db, userId, NotificationKind.OrderPlaced, { orderId }, at);
    return orderId;
  })();
  return load(db, id);
}

/** An order the user may see: their own, or any for an admin. */
export function getOrderFor(db: Db, user: User, id: number): Order {
  const order = load(db, id);
  if (order.userId !== user.id && !isAdmin(user)) throw forbidden('That order belongs to someone else.');
  return order;
}

export function listOrders(
  db: Db,
  userId: number | null,
  query: PageQuery & { status?: OrderStatus },
): Page<OrderSummary> {
  const window = pageWindow(query);
  const status = query.status ?? null;
  const items = orders.orderHistory(db, userId, status, window.limit, window.offset).map((row) => ({
    id: row.id,
    status: row.status,
    totalCents: row.total_cents,
    createdAt: row.created_at,
    itemCount: row.item_count,
    productNames: row.product_names.split('|'),
  }));
  return toPage(items, window, orders.countOrders(db, userId, status));
}

export function markPaid(db: Db, orderId: number): void {
  orders.setOrderStatus(db, orderId, OrderStatus.Paid);
}

export function cancelOrder(db: Db, user: User, id: number): Order {
  const order = getOrderFor(db, user, id);
  if (order.status !== OrderStatus.PendingPayment && order.status !== OrderStatus.Paid) {
    throw conflict(`An order that is ${order.status} cannot be cancelled.`, 'ORDER_NOT_CANCELLABLE');
  }
  db.transaction(() => {
    for (const item of order.items) adjustQuantity(db, item.productId, item.centerId, item.quantity);
    if (order.status === OrderStatus.Paid) refundOrderPayments(db, id);
    orders.setOrderStatus(db, id, OrderStatus.Cancelled);
    enqueueNotification(db, order.userId, NotificationKind.OrderCancelled, { orderId: id }, nowIso());
  })();
  return load(db, id);
}
