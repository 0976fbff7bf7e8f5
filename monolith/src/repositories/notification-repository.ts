// Notifications: SQL for the outbox table every domain writes messages into.
import type { Db } from '../db/connection.js';
import type { NotificationKind, NotificationStatus } from '../models/enums.js';
import type { NotificationRow } from '../models/notification.js';
import { totalOf } from '../lib/helpers.js';

export function enqueueNotification(
  db: Db,
  userId: number,
  kind: NotificationKind,
  payload: Record<string, unknown>,
  at: string,
): number {
  const result = db
    .prepare(
      `INSERT INTO notification_outbox (user_id, kind, channel, payload, status, created_at)
       VALUES (?, ?, 'email', ?, 'pending', ?)`,
    )
    .run(userId, kind, JSON.stringify(payload), at);
  return Number(result.lastInsertRowid);
}

export function listOutbox(
  db: Db,
  filter: { status: NotificationStatus | null; userId: number | null },
  limit: number,
  offset: number,
): NotificationRow[] {
  return db
    .prepare(
      `SELECT * FROM notification_outbox WHERE (? IS NULL OR status = ?) AND (? IS NULL OR user_id = ?)
       ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(filter.status, filter.status, filter.userId, filter.userId, limit, offset) as NotificationRow[];
}

export function countOutbox(
  db: Db,
  filter: { status: NotificationStatus | null; userId: number | null },
): number {
  return totalOf(
    db
      .prepare(
        'SELECT COUNT(*) AS total FROM notification_outbox WHERE (? IS NULL OR status = ?) AND (? IS NULL OR user_id = ?)',
      )
      .get(filter.status, filter.status, filter.userId, filter.userId),
  );
}

export function findNotification(db: Db, id: number): NotificationRow | undefined {
  return db.prepare('SELECT * FROM notification_outbox WHERE id = ?').get(id) as NotificationRow | undefined;
}

export function markSent(db: Db, id: number, at: string): void {
  db.prepare("UPDATE notification_outbox SET status = 'sent', sent_at = ? WHERE id = ?").run(at, id);
}

export function oldestPendingIds(db: Db, limit: number): number[] {
  const rows = db
    .prepare("SELECT id FROM notification_outbox WHERE status = 'pending' ORDER BY id LIMIT ?")
    .all(limit) as { id: number }[];
  return rows.map((r) => r.id);
}
