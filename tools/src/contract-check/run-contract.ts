// Replays a corpus against the monolith and the service, one request at a time and in order (writes included, so
// both sides go through the same states), and compares each pair of responses.
import type { Caller, ContractRequest } from './contract-request.js';
import type { CompareResponses, ComparableResponse, Difference } from './compare-port.js';

export interface RouteResult {
  route: string;
  requests: number;
  matches: number;
  firstDifference?: { path: string; difference: Difference };
}

export interface ContractResult {
  routes: RouteResult[];
  requests: number;
  matches: number;
  ok: boolean;
}

export interface RunContractOptions {
  corpus: readonly ContractRequest[];
  monolithUrl: string;
  serviceUrl: string;
  compare: CompareResponses;
  /** Logs a caller in and returns a session token valid on both sides. */
  login: (caller: Caller) => Promise<string>;
  /** Only these headers are compared; the rest (date, connection, keep-alive) differ by nature. */
  headers?: string[];
  progress?: (line: string) => void;
}

async function send(
  base: string,
  request: ContractRequest,
  token: string | null,
): Promise<ComparableResponse> {
  const headers: Record<string, string> = {};
  if (token !== null) {
    if (request.caller.kind === 'user' && request.caller.via === 'cookie') headers.cookie = `sid=${token}`;
    else headers.authorization = `Bearer ${token}`;
  }
  let body: string | undefined;
  if (request.rawBody !== undefined || request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = request.rawBody ?? JSON.stringify(request.body);
  }
  const response = await fetch(`${base}${request.path}`, { method: request.method, headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  const flat: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    flat[name] = value;
  });
  return { status: response.status, headers: flat, body: bytes };
}

export async function runContract(options: RunContractOptions): Promise<ContractResult> {
  const byRoute = new Map<string, RouteResult>();
  const tokens = new Map<string, string>();
  const tokenFor = async (caller: Caller): Promise<string | null> => {
    if (caller.kind === 'anonymous') return null;
    if (caller.kind === 'forged') return 'forged-token-that-no-session-has';
    const key = caller.kind === 'admin' ? 'admin' : `user:${caller.user}`;
    let token = tokens.get(key);
    if (token === undefined) {
      token = await options.login(caller);
      tokens.set(key, token);
    }
    return token;
  };

  let done = 0;
  for (const request of options.corpus) {
    const token = await tokenFor(request.caller);
    const a = await send(options.monolithUrl, request, token);
    const b = await send(options.serviceUrl, request, token);
    const comparison = options.compare(a, b, { headers: options.headers ?? ['content-type'] });
    let result = byRoute.get(request.route);
    if (result === undefined) {
      result = { route: request.route, requests: 0, matches: 0 };
      byRoute.set(request.route, result);
    }
    result.requests += 1;
    if (comparison.match) result.matches += 1;
    else {
      const first = comparison.differences[0];
      if (result.firstDifference === undefined && first !== undefined) {
        result.firstDifference = { path: `${request.method} ${request.path}`, difference: first };
      }
    }
    done += 1;
    if (done % 25 === 0) options.progress?.(`contract: ${done}/${options.corpus.length} requests replayed`);
  }
  const routes = [...byRoute.values()];
  const requests = routes.reduce((n, r) => n + r.requests, 0);
  const matches = routes.reduce((n, r) => n + r.matches, 0);
  return { routes, requests, matches, ok: requests > 0 && requests === matches };
}
