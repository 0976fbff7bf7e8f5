// Accounts: sign-up, login and logout, the profile and the address book.
import { randomBytes } from 'node:crypto';
import { config } from '../config.js';
import type { Db } from '../db/connection.js';
import { toAddress, toUser, type Address, type User } from '../models/account.js';
import { NotificationKind, Role } from '../models/enums.js';
import * as accounts from '../repositories/account-repository.js';
import { deleteOtherSessions, deleteSession, insertSession } from '../repositories/session-repository.js';
import { AppError, conflict, forbidden, notFound } from '../lib/errors.js';
import { addHours, nowIso } from '../lib/helpers.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import { notify } from './notification-service.js';

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}

export function signUp(db: Db, input: { email: string; password: string; name: string }): User {
  if (accounts.findUserByEmail(db, input.email) !== undefined) {
    throw conflict('An account with that email already exists.', 'EMAIL_TAKEN');
  }
  const id = db.transaction(() => {
    const userId = accounts.insertUser(db, {
      email: input.email,
      name: input.name,
      passwordHash: hashPassword(input.password, randomBytes(16).toString('hex')),
      role: Role.Customer,
      createdAt: nowIso(),
    });
    notify(db, userId, NotificationKind.Welcome, { userId });
    return userId;
  })();
  return getAccount(db, id);
}

export function logIn(db: Db, email: string, password: string): LoginResult {
  const row = accounts.findUserByEmail(db, email);
  if (row === undefined || !verifyPassword(password, row.password_hash)) {
    throw new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is wrong.');
  }
  const token = randomBytes(32).toString('hex');
  const createdAt = nowIso();
  const expiresAt = addHours(createdAt, config.sessionTtlHours);
  insertSession(db, token, row.id, createdAt, expiresAt);
  return { token, expiresAt, user: toUser(row) };
}

export function logOut(db: Db, token: string): void {
  deleteSession(db, token);
}

export function getAccount(db: Db, id: number): User {
  const row = accounts.findUserById(db, id);
  if (row === undefined) throw notFound('Account');
  return toUser(row);
}

export function updateProfile(db: Db, userId: number, changes: { name?: string }): User {
  if (changes.name !== undefined) accounts.updateUserName(db, userId, changes.name);
  return getAccount(db, userId);
}

export function changePassword(
  db: Db,
  userId: number,
  sessionToken: string,
  currentPassword: string,
  newPassword: string,
): { signedOutSessions: number } {
  const row = accounts.findUserById(db, userId);
  if (row === undefined) throw notFound('Account');
  if (!verifyPassword(currentPassword, row.password_hash)) throw forbidden('The current password is wrong.');
  accounts.updatePasswordHash(db, userId, hashPassword(newPassword, randomBytes(16).toString('hex')));
  notify(db, userId, NotificationKind.PasswordChanged, { userId });
  return { signedOutSessions: deleteOtherSessions(db, userId, sessionToken) };
}

export function listAddresses(db: Db, userId: number): Address[] {
  return accounts.listAddresses(db, userId).map(toAddress);
}

export function addAddress(
  db: Db,
  userId: number,
  input: { line1: string; city: string; postalCode: string; country: string },
): Address {
  const id = accounts.insertAddress(db, {
    user_id: userId,
    line1: input.line1,
    city: input.city,
    postal_code: input.postalCode,
    country: input.country,
  });
  return toAddress(accounts.findAddress(db, id) as NonNullable<ReturnType<typeof accounts.findAddress>>);
}

export function removeAddress(db: Db, userId: number, addressId: number): void {
  const address = accounts.findAddress(db, addressId);
  if (address === undefined || address.user_id !== userId) throw notFound('Address');
  accounts.deleteAddress(db, addressId);
}

export function ownsAddress(db: Db, userId: number, addressId: number): boolean {
  return accounts.findAddress(db, addressId)?.user_id === userId;
}
