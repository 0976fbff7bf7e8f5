// Fulfillment: fulfillment centers and the life of a shipment (pending, dispatched, delivered).
import type { Db } from '../db/connection.js';
import type { User } from '../models/account.js';
import { NotificationKind, OrderStatus, ShipmentStatus } from '../models/enums.js';
import type { CenterStockLine, FulfillmentCenter } from '../models/fulfillment-center.js';
import { toShipment, type Shipment } from '../models/shipment.js';
import * as centers from '../repositories/fulfillment-center-repository.js';
import * as shipments from '../repositories/shipment-repository.js';
import { findOrder, setOrderStatus } from '../repositories/order-repository.js';
import { enqueueNotification } from '../repositories/notification-repository.js';
import { isAdmin } from '../lib/auth.js';
import { conflict, forbidden, notFound } from '../lib/errors.js';
import { nowIso, pageWindow, toPage, type Page, type PageQuery } from '../lib/helpers.js';

export function listCenters(db: Db): FulfillmentCenter[] {
  return centers.listCenters(db);
}

export function getCenter(db: Db, id: number): FulfillmentCenter {
  const center = centers.findCenter(db, id);
  if (center === undefined) throw notFound('Fulfillment center');
  return center;
}

export function centerStock(db: Db, id: number, query: PageQuery): Page<CenterStockLine> {
  getCenter(db, id);
  const window = pageWindow(query);
  return toPage(
    centers.centerStock(db, id, window.limit, window.offset),
    window,
    centers.countCenterStock(db, id),
  );
}

function orderOwner(db: Db, orderId: number): number {
  const order = findOrder(db, orderId);
  if (order === undefined) throw notFound('Order');
  return order.user_id;
}

export function getShipment(db: Db, user: User, id: number): Shipment {
  const row = shipments.findShipment(db, id);
  if (row === undefined) throw notFound('Shipment');
  if (orderOwner(db, row.order_id) !== user.id && !isAdmin(user))
    throw forbidden('That shipment is not yours.');
  return toShipment(row);
}

export function shipmentsForOrder(db: Db, user: User, orderId: number): Shipment[] {
  if (orderOwner(db, orderId) !== user.id && !isAdmin(user))
    throw forbidden('That order belongs to someone else.');
  return shipments.shipmentsForOrder(db, orderId).map(toShipment);
}

export function listShipments(db: Db, query: PageQuery & { status?: ShipmentStatus }): Page<Shipment> {
  const window = pageWindow(query);
  const status = query.status ?? null;
  return toPage(
    shipments.listShipments(db, status, window.limit, window.offset).map(toShipment),
    window,
    shipments.countShipments(db, status),
  );
}

/** Moves the order along once every one of its shipments has reached `status`. */
function syncOrderStatus(db: Db, orderId: number, status: ShipmentStatus, orderStatus: OrderStatus): void {
  const all = shipments.shipmentsForOrder(db, orderId);
  if (all.every((s) => s.status === status)) setOrderStatus(db, orderId, orderStatus);
}

export function dispatchShipment(db: Db, user: User, id: number): Shipment {
  const shipment = getShipment(db, user, id);
  if (shipment.status !== ShipmentStatus.Pending) {
    throw conflict(`A ${shipment.status} shipment cannot be dispatched.`, 'SHIPMENT_STATE');
  }
  const at = nowIso();
  shipments.markDispatched(db, id, at);
  syncOrderStatus(db, shipment.orderId, ShipmentStatus.Dispatched, OrderStatus.Shipped);
  enqueueNotification(
    db,
    orderOwner(db, shipment.orderId),
    NotificationKind.ShipmentDispatched,
    { shipmentId: id },
    at,
  );
  return getShipment(db, user, id);
}

export function deliverShipment(db: Db, user: User, id: number): Shipment {
  const shipment = getShipment(db, user, id);
  if (shipment.status !== ShipmentStatus.Dispatched) {
    throw conflict(`A ${shipment.status} shipment cannot be delivered.`, 'SHIPMENT_STATE');
  }
  const at = nowIso();
  shipments.markDelivered(db, id, at);
  syncOrderStatus(db, shipment.orderId, ShipmentStatus.Delivered, OrderStatus.Delivered);
  enqueueNotification(
    db,
    orderOwner(db, shipment.orderId),
    NotificationKind.ShipmentDelivered,
    { shipmentId: id },
    at,
  );
  return getShipment(db, user, id);
}
