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

export function badRequest(message: string): ServiceError {
  return new ServiceError(400, 'BAD_REQUEST', message);
}

export function notFound(what: string): ServiceError {
  return new ServiceError(404, 'NOT_FOUND', `${what} not found.`);
}
