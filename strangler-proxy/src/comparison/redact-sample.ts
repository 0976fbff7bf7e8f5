// Makes a recorded response safe and small enough to keep as evidence: credentials redacted, bodies truncated.
import type { RecordedResponse } from './compare-responses.js';
import type { Difference } from './json-diff.js';

/** Header names never kept in samples (request or response). */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-ficus-tester-token',
  'x-api-key',
]);
/** JSON keys and query parameters whose values are credentials or personal secrets. */
const SECRET_KEY = /pass(word|wd)?|secret|token|api[-_]?key|auth|session|cookie|credit|card|cvv|ssn/i;
const REDACTED = '[redacted]';

export interface SampledResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The body as text, secrets redacted, cut at the sample limit. */
  readonly body: string;
  readonly truncated: boolean;
  readonly bytes: number;
}

export function sampleResponse(response: RecordedResponse, maxChars: number): SampledResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    headers[name.toLowerCase()] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  const raw = typeof response.body === 'string' ? response.body : response.body.toString('utf8');
  let text = raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    text = JSON.stringify(redactJson(parsed));
  } catch {
    // Not JSON: kept as text, cut below; there is no structure to find secrets in.
  }
  const truncated = text.length > maxChars;
  return {
    status: response.status,
    headers,
    body: truncated ? text.slice(0, maxChars) : text,
    truncated,
    bytes: Buffer.byteLength(raw),
  };
}

/** Differences with secret fields redacted and long values cut. */
export function sampleDifferences(differences: readonly Difference[], max: number): Difference[] {
  return differences.slice(0, max).map((d) => {
    const secret = SECRET_KEY.test(d.path.split(/[.[]/).pop() ?? '');
    const cut = (value: unknown): unknown => {
      if (secret) return REDACTED;
      const text = JSON.stringify(redactJson(value)) ?? 'undefined';
      return text.length > 200 ? `${text.slice(0, 200)}…` : redactJson(value);
    };
    return {
      path: d.path,
      kind: d.kind,
      ...('a' in d ? { a: cut(d.a) } : {}),
      ...('b' in d ? { b: cut(d.b) } : {}),
    };
  });
}

/** The path with the values of secret-looking query parameters replaced. */
export function redactQuery(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  if (q < 0) return pathAndQuery;
  const params = pathAndQuery
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_KEY.test(decodeSafely(key)) ? `${key}=${REDACTED}` : pair;
    });
  return `${pathAndQuery.slice(0, q)}?${params.join('&')}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactJson(inner);
  return out;
}
