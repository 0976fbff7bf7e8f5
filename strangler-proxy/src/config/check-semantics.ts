// The checks a JSON Schema cannot express: cross references, duplicates, parsable URLs and addresses.
import { METHODS } from 'node:http';
import { isIP } from 'node:net';
import { parsePathPattern } from '../comparison/field-path.js';

const KNOWN_METHODS = new Set(METHODS);

interface RawRoute {
  id: string;
  path: string;
  methods?: string[];
  service: string;
  owner: string;
  shadow?: { ignore?: string[]; unorderedArrays?: string[] };
}
interface RawConfig {
  proxy?: { listen?: { port: number }; admin?: { port: number }; trustedProxies?: string[] };
  monolith: { url: string };
  services?: Record<string, { url: string; team?: string }>;
  routes?: RawRoute[];
  auth?: { tokens?: { team: string; sha256: string }[] };
}

/** Every semantic problem of a config that already passed the schema. */
export function checkSemantics(config: unknown): string[] {
  const raw = config as RawConfig;
  const problems: string[] = [];
  const services = raw.services ?? {};
  const tokens = raw.auth?.tokens ?? [];

  const urlProblem = checkOrigin(raw.monolith.url);
  if (urlProblem) problems.push(`monolith.url: ${urlProblem}`);
  for (const [name, service] of Object.entries(services)) {
    const problem = checkOrigin(service.url);
    if (problem) problems.push(`services.${name}.url: ${problem}`);
  }

  const teams = new Set<string>();
  for (const service of Object.values(services)) if (service.team) teams.add(service.team);
  for (const token of tokens) teams.add(token.team);

  const ids = new Map<string, number>();
  const claims = new Map<string, { index: number; methods: Set<string> | 'all' }[]>();
  (raw.routes ?? []).forEach((route, index) => {
    const at = `routes[${index}]`;
    const firstIndex = ids.get(route.id);
    if (firstIndex === undefined) ids.set(route.id, index);
    else problems.push(`${at}.id: duplicates routes[${firstIndex}].id "${route.id}"`);
    if (!Object.hasOwn(services, route.service)) {
      problems.push(`${at}.service: "${route.service}" is not defined in services`);
    }
    if (teams.size > 0 && !teams.has(route.owner)) {
      problems.push(`${at}.owner: team "${route.owner}" is neither a service's team nor a token's team`);
    }
    (route.methods ?? []).forEach((method, m) => {
      if (!KNOWN_METHODS.has(method.toUpperCase()) || method.toUpperCase() === 'CONNECT') {
        problems.push(`${at}.methods[${m}]: "${method}" is not an HTTP method the proxy routes`);
      }
    });
    for (const field of ['ignore', 'unorderedArrays'] as const) {
      (route.shadow?.[field] ?? []).forEach((path, p) => {
        if (parsePathPattern(path) === undefined) {
          problems.push(
            `${at}.shadow.${field}[${p}]: "${path}" is not a comparison path (status, headers.NAME, body.a.b, body.items[*].x)`,
          );
        }
      });
    }
    const key = templateKey(route.path);
    const methods =
      route.methods && route.methods.length > 0 ? new Set(route.methods.map((m) => m.toUpperCase())) : 'all';
    const earlier = claims.get(key) ?? [];
    for (const other of earlier) {
      if (overlaps(methods, other.methods)) {
        problems.push(
          `${at}.path: "${route.path}" with these methods is already claimed by routes[${other.index}]`,
        );
        break;
      }
    }
    earlier.push({ index, methods });
    claims.set(key, earlier);
  });

  const digests = new Map<string, number>();
  tokens.forEach((token, index) => {
    const first = digests.get(token.sha256);
    if (first === undefined) digests.set(token.sha256, index);
    else problems.push(`auth.tokens[${index}].sha256: duplicates auth.tokens[${first}].sha256`);
  });

  (raw.proxy?.trustedProxies ?? []).forEach((entry, index) => {
    if (!isAddressOrCidr(entry))
      problems.push(`proxy.trustedProxies[${index}]: "${entry}" is not an IP address or CIDR`);
  });

  const listenPort = raw.proxy?.listen?.port;
  if (listenPort !== undefined && listenPort !== 0 && listenPort === raw.proxy?.admin?.port) {
    problems.push(
      'proxy.admin.port: must differ from proxy.listen.port (the admin API never shares the traffic port)',
    );
  }
  return problems;
}

function checkOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.pathname !== '/' || url.search || url.hash)
    return 'must be an origin only, like http://127.0.0.1:3000';
  return null;
}

/** Param names do not make two templates different to the router: `/a/:x` and `/a/:y` collide. */
function templateKey(path: string): string {
  return path.replace(/:[^/]+/g, ':');
}

function overlaps(a: Set<string> | 'all', b: Set<string> | 'all'): boolean {
  if (a === 'all' || b === 'all') return true;
  for (const method of a) if (b.has(method)) return true;
  return false;
}

export function isAddressOrCidr(entry: string): boolean {
  const slash = entry.indexOf('/');
  if (slash === -1) return isIP(entry) !== 0;
  const family = isIP(entry.slice(0, slash));
  const bitsText = entry.slice(slash + 1);
  if (family === 0 || !/^\d{1,3}$/.test(bitsText)) return false;
  return Number(bitsText) <= (family === 4 ? 32 : 128);
}
