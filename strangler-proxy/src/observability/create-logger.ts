// The proxy's pino logger: JSON lines, credentials redacted wherever a header object is logged.
import { pino } from 'pino';
import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import { REDACTED_HEADERS } from './names.js';

export interface LoggerSetup {
  /** Where lines go: a stream, a file path, or (default) stdout through an asynchronous buffered writer. */
  readonly destination?: DestinationStream | string;
  readonly level?: LoggerOptions['level'];
}

export function createLogger(setup: LoggerSetup = {}): Logger {
  const paths = REDACTED_HEADERS.flatMap((h) => [
    `headers["${h}"]`,
    `req.headers["${h}"]`,
    `res.headers["${h}"]`,
  ]);
  const options: LoggerOptions = {
    level: setup.level ?? 'info',
    base: { name: 'ficus-proxy' },
    redact: { paths, censor: '[redacted]' },
  };
  // Buffered and asynchronous: one write per ~4 KiB keeps logging off the request path's CPU budget. A crash can
  // lose the last buffer; the proxy's close() flushes it.
  const destination =
    typeof setup.destination === 'object'
      ? setup.destination
      : pino.destination({ dest: setup.destination ?? 1, sync: false, minLength: 4096, mkdir: true });
  return pino(options, destination);
}
