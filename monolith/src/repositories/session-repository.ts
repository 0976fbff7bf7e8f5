// Accounts: SQL for the sessions table (bearer tokens and cookies resolve here).
import type { Db } from '../db/connection.js';
import type { UserRow } from '../models/account.js';

export interface SessionWithUser extends UserRow {
  token: string;
  expires_at: string;
  session_created_at: string;
}

export function insertSession(
  db: Db,
  token: string,
  userId: number,
  createdAt: string,
  expiresAt: string,
): void {
  db.prepare('INSERT INTO sessions (token, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    token,
    userId,
    createdAt,
    expiresAt,
  );
}

export function findSessionWithUser(db: Db, token: string): SessionWithUser | undefined {
  return db
    .prepare(
      `SELECT u.*, s.token, s.expires_at, s.created_at AS session_created_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?`,
    )
    .get(token) as SessionWithUser | undefined;
}

export function deleteSession(db: Db, token: string): void {
  db.prepare('DELETE FROM sessions WHERE token = ?').run(token);
}

export function deleteOtherSessions(db: Db, userId: number, keepToken: string): number {
  return db.prepare('DELETE FROM sessions WHERE user_id = ? AND token <> ?').run(userId, keepToken).changes;
}
