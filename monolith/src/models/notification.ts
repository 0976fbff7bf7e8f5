// Notifications: messages waiting in (or sent from) the outbox table.
import type { NotificationKind, NotificationStatus } from './enums.js';
import { parseJsonObject } from '../lib/helpers.js';

export interface NotificationRow {
  id: number;
  user_id: number;
  kind: NotificationKind;
  channel: string;
  payload: string;
  status: NotificationStatus;
  created_at: string;
  sent_at: string | null;
}

export interface Notification {
  id: number;
  userId: number;
  kind: NotificationKind;
  channel: string;
  payload: Record<string, unknown>;
  status: NotificationStatus;
  createdAt: string;
  sentAt: string | null;
}

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    channel: row.channel,
    payload: parseJsonObject(row.payload),
    status: row.status,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
