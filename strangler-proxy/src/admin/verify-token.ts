// Bearer-token check for the admin API: tokens are kept as SHA-256 digests and compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenConfig } from '../config/ficus-config.js';

const DIGEST_BYTES = 32;

/** Lower-case hex SHA-256 of a token, the form `auth.tokens[].sha256` holds. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The configured token whose digest matches `presented`, or null. Every digest is compared, whatever matched
 * earlier, so the time taken does not reveal which entry (or whether an early one) matched.
 */
export function matchToken(tokens: readonly TokenConfig[], presented: string): TokenConfig | null {
  const digest = createHash('sha256').update(presented, 'utf8').digest();
  let found: TokenConfig | null = null;
  for (const token of tokens) {
    const expected = toDigest(token.sha256);
    // A malformed configured digest is compared against zeros so every entry costs the same; it never matches.
    const equal = timingSafeEqual(digest, expected ?? Buffer.alloc(DIGEST_BYTES)) && expected !== null;
    if (equal && found === null) found = token;
  }
  return found;
}

function toDigest(hex: string): Buffer | null {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  return Buffer.from(hex, 'hex');
}
