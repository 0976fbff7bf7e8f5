// The admin API's error body `{ error: { code, message } }` and the status each code answers with.
import type { FastifyReply } from 'fastify';
import type { ProxyErrorCode } from '../errors.js';

export interface AdminErrorBody {
  readonly error: { readonly code: ProxyErrorCode; readonly message: string };
}

const STATUS: Partial<Record<ProxyErrorCode, number>> = {
  FICUS_PROXY_ADMIN_INVALID_REQUEST: 400,
  FICUS_PROXY_ADMIN_UNAUTHENTICATED: 401,
  FICUS_PROXY_ADMIN_FORBIDDEN: 403,
  FICUS_PROXY_ADMIN_NOT_FOUND: 404,
  FICUS_PROXY_ADMIN_CONFLICT: 409,
  FICUS_PROXY_ADMIN_GATED: 409,
  // RFC 6585 §3: the server requires the request to be conditional.
  FICUS_PROXY_ADMIN_IF_MATCH_REQUIRED: 428,
  FICUS_PROXY_FLAG_STORE_UNREADABLE: 503,
  FICUS_PROXY_FLAG_STORE_LOCKED: 503,
  FICUS_PROXY_FLAG_STORE_CLOSED: 503,
};

export function statusFor(code: ProxyErrorCode): number {
  return STATUS[code] ?? 500;
}

export function sendError(
  reply: FastifyReply,
  code: ProxyErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply.code(statusFor(code)).send({ error: { code, message }, ...extra });
}
