// Fulfillment: SQL for shipments.
import type { Db } from '../db/connection.js';
import type { ShipmentStatus } from '../models/enums.js';
import type { ShipmentRow } from '../models/shipment.js';
import { totalOf } from '../lib/helpers.js';

export function insertShipment(
  db: Db,
  shipment: { orderId: number; centerId: number; carrier: string; trackingNumber: string; createdAt: string },
): number {
  const result = db
    .prepare(
      `INSERT INTO shipments (order_id, center_id, status, carrier, tracking_number, created_at)
       VALUES (?, ?, 'pending', ?, ?, ?)`,
    )
    .run(shipment.orderId, shipment.centerId, shipment.carrier, shipment.trackingNumber, shipment.createdAt);
  return Number(result.lastInsertRowid);
}

export function findShipment(db: Db, id: number): ShipmentRow | undefined {
  return db.prepare('SELECT * FROM shipments WHERE id = ?').get(id) as ShipmentRow | undefined;
}

export function shipmentsForOrder(db: Db, orderId: number): ShipmentRow[] {
  return db.prepare('SELECT * FROM shipments WHERE order_id = ? ORDER BY id').all(orderId) as ShipmentRow[];
}

export function listShipments(
  db: Db,
  status: ShipmentStatus | null,
  limit: number,
  offset: number,
): ShipmentRow[] {
  return db
    .prepare('SELECT * FROM shipments WHERE (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ? OFFSET ?')
    .all(status, status, limit, offset) as ShipmentRow[];
}

export function countShipments(db: Db, status: ShipmentStatus | null): number {
  return totalOf(
    db.prepare('SELECT COUNT(*) AS total FROM shipments WHERE (? IS NULL OR status = ?)').get(status, status),
  );
}

export function markDispatched(db: Db, id: number, at: string): void {
  db.prepare("UPDATE shipments SET status = 'dispatched', dispatched_at = ? WHERE id = ?").run(at, id);
}

export function markDelivered(db: Db, id: number, at: string): void {
  db.prepare("UPDATE shipments SET status = 'delivered', delivered_at = ? WHERE id = ?").run(at, id);
}
