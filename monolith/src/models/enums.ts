// Status and kind values shared by every domain (the legacy "constants" module).
export const Role = { Customer: 'customer', Admin: 'admin' } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const OrderStatus = {
  PendingPayment: 'pending_payment',
  Paid: 'paid',
  Shipped: 'shipped',
  Delivered: 'delivered',
  Cancelled: 'cancelled',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

export const PaymentStatus = { Captured: 'captured', Declined: 'declined', Refunded: 'refunded' } as const;
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];

export const PaymentMethod = { Card: 'card', GiftCard: 'gift_card', Invoice: 'invoice' } as const;
export type PaymentMethod = (typeof PaymentMethod)[keyof typeof PaymentMethod];

export const ShipmentStatus = {
  Pending: 'pending',
  Dispatched: 'dispatched',
  Delivered: 'delivered',
} as const;
export type ShipmentStatus = (typeof ShipmentStatus)[keyof typeof ShipmentStatus];

export const NotificationKind = {
  Welcome: 'welcome',
  OrderPlaced: 'order_placed',
  PaymentReceived: 'payment_received',
  PaymentDeclined: 'payment_declined',
  OrderCancelled: 'order_cancelled',
  ShipmentDispatched: 'shipment_dispatched',
  ShipmentDelivered: 'shipment_delivered',
  PasswordChanged: 'password_changed',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

export const NotificationStatus = { Pending: 'pending', Sent: 'sent' } as const;
export type NotificationStatus = (typeof NotificationStatus)[keyof typeof NotificationStatus];

export const ProductSort = ['name', 'price_asc', 'price_desc', 'newest'] as const;
export type ProductSort = (typeof ProductSort)[number];

export const ReviewSort = ['newest', 'rating_desc', 'rating_asc', 'helpful'] as const;
export type ReviewSort = (typeof ReviewSort)[number];

export const Carriers = ['UPS', 'DHL', 'FedEx', 'USPS'] as const;
