// Error codes of the strangler proxy; every code is documented in docs/errors.md (a test keeps the two in sync).

export const PROXY_ERRORS = {
  FICUS_PROXY_CONFIG_INVALID: 'The static config failed validation; every problem is listed with its path.',
  // Flag stores and admin API (brief B2).
  FICUS_PROXY_FLAG_STORE_UNREADABLE: 'The flag store is unreadable or malformed; the last good flags stay.',
  FICUS_PROXY_FLAG_STORE_LOCKED: 'The flag store lock could not be taken in time (another writer holds it).',
  FICUS_PROXY_FLAG_STORE_CLOSED: 'The flag store was used after close().',
  FICUS_PROXY_FLAG_STORE_UNSUPPORTED: 'The configured flag store kind is not built yet.',
  FICUS_PROXY_ADMIN_UNAUTHENTICATED: 'The admin API needs `Authorization: Bearer <known token>`.',
  FICUS_PROXY_ADMIN_FORBIDDEN: 'The token may not change this route (a team flips only the routes it owns).',
  FICUS_PROXY_ADMIN_NOT_FOUND: 'No route with this id in the static config.',
  FICUS_PROXY_ADMIN_INVALID_REQUEST: 'The request body or query failed validation; every problem is listed.',
  FICUS_PROXY_ADMIN_IF_MATCH_REQUIRED: 'A flag write needs `If-Match: <version>` (0 = no flag yet).',
  FICUS_PROXY_ADMIN_CONFLICT: 'The flag changed since it was read: If-Match is not the current version.',
  FICUS_PROXY_ADMIN_INTERNAL: 'The admin API failed unexpectedly; the cause is in the proxy log.',
  FICUS_PROXY_CONFIG_UNREADABLE: 'The config file could not be read or is not valid YAML.',
  FICUS_PROXY_BAD_PATH: 'The request target cannot be made canonical (400).',
  FICUS_PROXY_BODY_TOO_LARGE: "The request body is larger than the route's limit (413).",
  FICUS_PROXY_UPSTREAM_UNREACHABLE: 'The upstream refused or dropped the connection (502).',
  FICUS_PROXY_UPSTREAM_BAD_RESPONSE: 'The upstream sent a response that could not be read (502).',
  FICUS_PROXY_UPSTREAM_UNAVAILABLE: 'The upstream is failing and the retry budget is spent (503).',
  FICUS_PROXY_UPSTREAM_TIMEOUT: "The upstream did not answer within the route's timeout (504).",
  // Shadow traffic, comparison, promotion gate and guard (brief D).
  FICUS_PROXY_COMPARE_BAD_PATH: 'A comparison path (ignore rule, unordered array) is malformed.',
  FICUS_PROXY_ADMIN_GATED:
    'The promotion lacks the shadow evidence the gate requires (409); `force` overrides it.',
} as const;

export type ProxyErrorCode = keyof typeof PROXY_ERRORS;

export class ProxyError extends Error {
  readonly code: ProxyErrorCode;

  constructor(code: ProxyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProxyError';
    this.code = code;
  }
}
