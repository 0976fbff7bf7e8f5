// The `ficus` side of the proxy's admin API: bearer auth, timeouts, and its refusals as typed errors.
import { CliError } from '../errors.js';

export const DEFAULT_ADMIN = 'http://127.0.0.1:9901';
const REQUEST_TIMEOUT_MS = 10_000;

export interface AdminClient {
  get(path: string): Promise<unknown>;
  put(path: string, body: unknown, ifMatch: string): Promise<unknown>;
  delete(path: string, body: unknown): Promise<unknown>;
}

/** The admin API answered with one of its own `{ error: { code, message } }` refusals. */
export class AdminRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly current?: { stage: string; percent: number; shadowPercent: number } | null,
  ) {
    super(message);
  }
}

export function adminClient(base: string, token: string): AdminClient {
  let root: URL;
  try {
    root = new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    throw new CliError('FICUS_CLI_USAGE', `--admin must be a URL, got "${base}"`);
  }
  const call = async (method: string, path: string, body?: unknown, ifMatch?: string): Promise<unknown> => {
    const url = new URL(path.slice(1), root);
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = ifMatch;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new CliError(
        'FICUS_CLI_ADMIN_UNREACHABLE',
        `cannot reach the admin API at ${root.href} (${cause})`,
        { cause: error, exitCode: 1 },
      );
    }
    const parsed: unknown = await response.json().catch(() => undefined);
    if (response.ok && parsed !== undefined) return parsed;
    const apiError = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (typeof apiError?.code !== 'string') {
      throw new CliError(
        'FICUS_CLI_ADMIN_UNREACHABLE',
        `${root.href} did not answer like a Ficus admin API (HTTP ${response.status} on ${method} ${url.pathname})`,
        { exitCode: 1 },
      );
    }
    const current = (parsed as { current?: { stage: string; percent: number; shadowPercent: number } | null })
      .current;
    throw new AdminRefusal(response.status, apiError.code, String(apiError.message), current);
  };
  return {
    get: (path) => call('GET', path),
    put: (path, body, ifMatch) => call('PUT', path, body, ifMatch),
    delete: (path, body) => call('DELETE', path, body),
  };
}
