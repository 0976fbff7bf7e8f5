// Accounts: users, their sessions and their addresses.
import type { Role } from './enums.js';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  created_at: string;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface Session {
  token: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
}

export interface AddressRow {
  id: number;
  user_id: number;
  line1: string;
  city: string;
  postal_code: string;
  country: string;
}

export interface Address {
  id: number;
  userId: number;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at };
}

export function toAddress(row: AddressRow): Address {
  return {
    id: row.id,
    userId: row.user_id,
    line1: row.line1,
    city: row.city,
    postalCode: row.postal_code,
    country: row.country,
  };
}
