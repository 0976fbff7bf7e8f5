// Fulfillment: one parcel of an order, shipped from one center.
import type { ShipmentStatus } from './enums.js';

export interface ShipmentRow {
  id: number;
  order_id: number;
  center_id: number;
  status: ShipmentStatus;
  carrier: string;
  tracking_number: string;
  created_at: string;
  dispatched_at: string | null;
  delivered_at: string | null;
}

export interface Shipment {
  id: number;
  orderId: number;
  centerId: number;
  status: ShipmentStatus;
  carrier: string;
  trackingNumber: string;
  createdAt: string;
  dispatchedAt: string | null;
  deliveredAt: string | null;
}

export function toShipment(row: ShipmentRow): Shipment {
  return {
    id: row.id,
    orderId: row.order_id,
    centerId: row.center_id,
    status: row.status,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    createdAt: row.created_at,
    dispatchedAt: row.dispatched_at,
    deliveredAt: row.delivered_at,
  };
}
