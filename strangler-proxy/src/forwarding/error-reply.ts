// The short JSON error the proxy itself answers with: a stable code and a plain message, never internal detail.
import type { ServerResponse } from 'node:http';
import type { ProxyErrorCode } from '../errors.js';
import type { FailureKind } from '../observability/request-record.js';

export interface ErrorReply {
  readonly status: number;
  readonly code: ProxyErrorCode;
  readonly message: string;
}

export const ERROR_REPLIES: Readonly<Record<FailureKind, ErrorReply>> = {
  'bad-path': {
    status: 400,
    code: 'FICUS_PROXY_BAD_PATH',
    message: 'the request path cannot be made canonical',
  },
  'body-too-large': {
    status: 413,
    code: 'FICUS_PROXY_BODY_TOO_LARGE',
    message: "the request body exceeds this route's limit",
  },
  connect: {
    status: 502,
    code: 'FICUS_PROXY_UPSTREAM_UNREACHABLE',
    message: 'the upstream could not be reached',
  },
  reset: {
    status: 502,
    code: 'FICUS_PROXY_UPSTREAM_UNREACHABLE',
    message: 'the upstream could not be reached',
  },
  'bad-response': {
    status: 502,
    code: 'FICUS_PROXY_UPSTREAM_BAD_RESPONSE',
    message: 'the upstream sent an unreadable response',
  },
  budget: {
    status: 503,
    code: 'FICUS_PROXY_UPSTREAM_UNAVAILABLE',
    message: 'the upstream is unavailable; try again later',
  },
  timeout: {
    status: 504,
    code: 'FICUS_PROXY_UPSTREAM_TIMEOUT',
    message: 'the upstream did not answer in time',
  },
};

export function sendErrorReply(res: ServerResponse, reply: ErrorReply, reqId: string, detail?: string): void {
  if (res.headersSent) {
    // Mid-response there is no status left to change: cutting the connection is the only honest signal.
    res.destroy();
    return;
  }
  const body = JSON.stringify({
    error: { code: reply.code, message: detail ? `${reply.message}: ${detail}` : reply.message },
  });
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-request-id': reqId,
  };
  // An unread oversized body would otherwise have to be drained before the connection could be reused.
  if (reply.status === 413) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(body);
}
