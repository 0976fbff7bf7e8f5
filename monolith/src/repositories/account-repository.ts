// Accounts: SQL for the users and addresses tables.
import type { Db } from '../db/connection.js';
import type { AddressRow, UserRow } from '../models/account.js';
import type { Role } from '../models/enums.js';

export function findUserById(db: Db, id: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE email = ?').get(email.toLowerCase()) as UserRow | undefined;
}

export function insertUser(
  db: Db,
  user: { email: string; name: string; passwordHash: string; role: Role; createdAt: string },
): number {
  const result = db
    .prepare('INSERT INTO users (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(user.email.toLowerCase(), user.name, user.passwordHash, user.role, user.createdAt);
  return Number(result.lastInsertRowid);
}

export function updateUserName(db: Db, id: number, name: string): void {
  db.prepare('UPDATE users SET name = ? WHERE id = ?').run(name, id);
}

export function updatePasswordHash(db: Db, id: number, passwordHash: string): void {
  db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

export function listAddresses(db: Db, userId: number): AddressRow[] {
  return db.prepare('SELECT * FROM addresses WHERE user_id = ? ORDER BY id').all(userId) as AddressRow[];
}

export function findAddress(db: Db, id: number): AddressRow | undefined {
  return db.prepare('SELECT * FROM addresses WHERE id = ?').get(id) as AddressRow | undefined;
}

export function insertAddress(db: Db, address: Omit<AddressRow, 'id'>): number {
  const result = db
    .prepare('INSERT INTO addresses (user_id, line1, city, postal_code, country) VALUES (?, ?, ?, ?, ?)')
    .run(address.user_id, address.line1, address.city, address.postal_code, address.country);
  return Number(result.lastInsertRowid);
}

export function deleteAddress(db: Db, id: number): void {
  // Old orders keep pointing at the address id; the legacy schema detaches them instead of cascading.
  db.prepare('UPDATE orders SET address_id = NULL WHERE address_id = ?').run(id);
  db.prepare('DELETE FROM addresses WHERE id = ?').run(id);
}
