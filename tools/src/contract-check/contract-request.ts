// One request of a contract corpus, and who sends it: nobody, a seed customer, the admin, or a forged token.
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: number; via?: 'bearer' | 'cookie' }
  | { kind: 'admin' }
  | { kind: 'forged' };

export interface ContractRequest {
  /** The route template from the monolith's inventory, `METHOD /path/:param`. */
  route: string;
  method: string;
  /** Concrete path with query string. */
  path: string;
  caller: Caller;
  body?: unknown;
  /** A raw body sent as is (malformed JSON cases). */
  rawBody?: string;
}

export const anonymous: Caller = { kind: 'anonymous' };
export const admin: Caller = { kind: 'admin' };
export const forged: Caller = { kind: 'forged' };

export function asUser(user: number, via: 'bearer' | 'cookie' = 'bearer'): Caller {
  return { kind: 'user', user, via };
}

/**
 * How the contract check gets a session for a caller: `signIn` logs a seeded account in (`'admin'` or user number)
 * and returns its token; anonymous and forged callers never log in.
 */
export function seedLogin(
  signIn: (who: 'admin' | number) => Promise<string>,
): (caller: Caller) => Promise<string> {
  return async (caller) => {
    if (caller.kind === 'admin') return signIn('admin');
    if (caller.kind === 'user') return signIn(caller.user);
    throw new Error(`cannot log in as ${caller.kind}`);
  };
}
