// Resolves the signed-in user from a bearer token or the session cookie; every protected route calls it.
import type { FastifyRequest } from 'fastify';
import { config } from '../config.js';
import type { Db } from '../db/connection.js';
import { toUser, type User } from '../models/account.js';
import { Role } from '../models/enums.js';
import { findSessionWithUser } from '../repositories/session-repository.js';
import { forbidden, unauthorized } from './errors.js';
import { nowIso } from './helpers.js';

export interface AuthenticatedUser extends User {
  sessionToken: string;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

export function sessionToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  return parseCookies(request.headers.cookie).get(config.sessionCookieName) ?? null;
}

export function optionalUser(db: Db, request: FastifyRequest): AuthenticatedUser | null {
  const token = sessionToken(request);
  if (token === null) return null;
  const row = findSessionWithUser(db, token);
  if (row === undefined || row.expires_at <= nowIso()) return null;
  return { ...toUser(row), sessionToken: token };
}

export function currentUser(db: Db, request: FastifyRequest): AuthenticatedUser {
  const user = optionalUser(db, request);
  if (user === null) throw unauthorized();
  return user;
}

export function requireAdmin(db: Db, request: FastifyRequest): AuthenticatedUser {
  const user = currentUser(db, request);
  if (user.role !== Role.Admin) throw forbidden('Only store admins may do that.');
  return user;
}

export function isAdmin(user: User): boolean {
  return user.role === Role.Admin;
}
