// Password hashing with scrypt; the stored form is `scrypt$<cost>$<salt hex>$<hash hex>`.
import { scryptSync, timingSafeEqual } from 'node:crypto';
import { config } from '../config.js';

const KEY_LENGTH = 32;

export function hashPassword(password: string, saltHex: string): string {
  const cost = config.scryptCost;
  const hash = scryptSync(password, Buffer.from(saltHex, 'hex'), KEY_LENGTH, { N: cost, r: 8, p: 1 });
  return `scrypt$${cost}$${saltHex}$${hash.toString('hex')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, costText, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || costText === undefined || saltHex === undefined || hashHex === undefined)
    return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length, {
    N: Number(costText),
    r: 8,
    p: 1,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
