// Notifications: queues messages in the outbox and marks them sent when a dispatcher delivers them.
import type { Db } from '../db/connection.js';
import type { NotificationKind, NotificationStatus } from '../models/enums.js';
import { toNotification, type Notification, type NotificationRow } from '../models/notification.js';
import {
  countOutbox,
  enqueueNotification,
  findNotification,
  listOutbox,
  markSent,
  oldestPendingIds,
} from '../repositories/notification-repository.js';
import { conflict, notFound } from '../lib/errors.js';
import { nowIso, pageWindow, toPage, type Page, type PageQuery } from '../lib/helpers.js';

function present(row: NotificationRow): Notification {
  return toNotification(row);
}

export function notify(
  db: Db,
  userId: number,
  kind: NotificationKind,
  payload: Record<string, unknown>,
): number {
  return enqueueNotification(db, userId, kind, payload, nowIso());
}

export function outbox(
  db: Db,
  query: PageQuery & { status?: NotificationStatus; userId?: number },
): Page<Notification> {
  const window = pageWindow(query);
  const filter = { status: query.status ?? null, userId: query.userId ?? null };
  return toPage(
    listOutbox(db, filter, window.limit, window.offset).map(present),
    window,
    countOutbox(db, filter),
  );
}

export function notificationsForUser(db: Db, userId: number, query: PageQuery): Page<Notification> {
  return outbox(db, { ...query, userId });
}

export function dispatchNotification(db: Db, id: number): Notification {
  const row = findNotification(db, id);
  if (row === undefined) throw notFound('Notification');
  if (row.status === 'sent') throw conflict('That notification was already sent.', 'ALREADY_SENT');
  markSent(db, id, nowIso());
  return present(findNotification(db, id) as NotificationRow);
}

export function dispatchPending(db: Db, limit: number): { sent: number; ids: number[] } {
  const ids = oldestPendingIds(db, limit);
  const at = nowIso();
  db.transaction(() => ids.forEach((id) => markSent(db, id, at)))();
  return { sent: ids.length, ids };
}
