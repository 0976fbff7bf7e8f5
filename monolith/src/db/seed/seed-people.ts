// Seeds users (with known passwords), their addresses and the fulfillment centers.
import type Database from 'better-sqlite3';
import { hashPassword } from '../../lib/passwords.js';
import { minutesBefore, type Prng } from './prng.js';
import { CITIES, FIRST_NAMES, LAST_NAMES } from './seed-words.js';

// The raw driver type, so this module never imports the connection module that calls it.
type Db = Database.Database;

export const SEED_USER_COUNT = 400;
export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'admin-password';

const CENTERS = [
  ['FC-EAST', 'East Coast Hub', 'Newark', 'US'],
  ['FC-WEST', 'West Coast Hub', 'Reno', 'US'],
  ['FC-CENTRAL', 'Central Depot', 'Kansas City', 'US'],
  ['FC-NORTH', 'Northern Warehouse', 'Toronto', 'CA'],
  ['FC-EU', 'European Hub', 'Venlo', 'NL'],
  ['FC-UK', 'UK Depot', 'Daventry', 'GB'],
] as const;

export function seedPeople(db: Db, rng: Prng, baseDate: string): { users: number; centers: number } {
  const insertUser = db.prepare(
    'INSERT INTO users (id, email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertAddress = db.prepare(
    'INSERT INTO addresses (id, user_id, line1, city, postal_code, country) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const total = SEED_USER_COUNT + 1;
  for (let id = 1; id <= total; id += 1) {
    const isAdmin = id === total;
    const email = isAdmin ? ADMIN_EMAIL : `user${id}@example.com`;
    const password = isAdmin ? ADMIN_PASSWORD : `password${id}`;
    const name = isAdmin ? 'Store Admin' : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const createdAt = minutesBefore(baseDate, rng.int(60 * 24 * 400, 60 * 24 * 1500));
    insertUser.run(
      id,
      email,
      name,
      hashPassword(password, rng.hex(16)),
      isAdmin ? 'admin' : 'customer',
      createdAt,
    );
    const [city, country] = rng.pick(CITIES);
    insertAddress.run(
      id,
      id,
      `${rng.int(1, 999)} Market Street`,
      city,
      String(rng.int(10000, 99999)),
      country,
    );
  }
  const insertCenter = db.prepare(
    'INSERT INTO fulfillment_centers (id, code, name, city, country) VALUES (?, ?, ?, ?, ?)',
  );
  CENTERS.forEach(([code, name, city, country], index) =>
    insertCenter.run(index + 1, code, name, city, country),
  );
  return { users: total, centers: CENTERS.length };
}
