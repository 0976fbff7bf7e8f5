// Who is calling the admin API and what they may change: teams flip the routes they own, admins flip every route.
import type { RouteConfig, TokenConfig } from '../config/ficus-config.js';
import { matchToken } from './verify-token.js';

/** The token behind an `Authorization: Bearer …` header, or null (absent, another scheme, or unknown). */
export function authenticate(tokens: readonly TokenConfig[], header: string | undefined): TokenConfig | null {
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header ?? '');
  return match?.[1] === undefined ? null : matchToken(tokens, match[1]);
}

/** Tester tokens only force targets on the traffic port; they change no flag. */
export function mayFlip(token: TokenConfig, route: RouteConfig): boolean {
  if (token.role === 'admin') return true;
  return token.role === 'team' && token.team === route.owner;
}

/** How a caller is named in the audit trail and in `updatedBy`. */
export function actorOf(token: TokenConfig | null): string {
  if (token === null) return 'anonymous';
  return token.role === 'team' ? token.team : `${token.team} (${token.role})`;
}
