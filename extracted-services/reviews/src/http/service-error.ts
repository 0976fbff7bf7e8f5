// The error a handler throws to answer `{ error: { code, message } }`, the monolith's error shape, kept verbatim.
export class ServiceError extends Error {
  readonly statusCode: number;
  readonly code: string;

  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.statusCode = statusCode;
    this.code = code;
  }
}

export function unauthorized(): ServiceError {
  return new ServiceError(401, 'UNAUTHORIZED', 'Sign in first.');
}

export function forbidden(message: string): ServiceError {
  return new ServiceError(403, 'FORBIDDEN', message);
}

export function notFound(what: string): ServiceError {
  return new ServiceError(404, 'NOT_FOUND', `${what} not found.`);
}

export function conflict(message: string, code: string): ServiceError {
  return new ServiceError(409, code, message);
}

/** A dependency (the monolith's accounts, orders or catalog API) did not answer: not the client's fault. */
export function dependencyUnavailable(what: string): ServiceError {
  return new ServiceError(503, 'UNAVAILABLE', `${what} is unavailable; try again.`);
}
