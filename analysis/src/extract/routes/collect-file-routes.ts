// File-based routing: files under `routes/`, `app/` or `pages/` exporting `GET`/`POST`/... handlers.
import type { LinkedModules } from '../link-modules.js';
import type { ComposedRoute } from './compose-routes.js';
import { joinPath } from './compose-routes.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const ROUTING_ROOTS = new Set(['routes', 'app', 'pages']);
const INDEX_NAMES = new Set(['route', 'index', '+server', '_index']);

/** The routes a file declares by where it lies and which method names it exports; none for ordinary files. */
export function collectFileRoutes(linked: LinkedModules, file: string): ComposedRoute[] {
  const scan = linked.scans.get(file);
  if (!scan) return [];
  const methods = METHODS.filter((method) => scan.exports.has(method));
  if (methods.length === 0) return [];
  const path = routePathOfFile(file);
  if (path === undefined) return [];
  return methods.map((method) => {
    const target = scan.exports.get(method);
    const local = target?.kind === 'local' ? target.local : method;
    return {
      method,
      path,
      framework: 'file-based' as const,
      handler: { file, symbol: method, node: scan.declarations.get(local) },
    };
  });
}

/** `src/routes/api/products/[id]/reviews.ts` → `/api/products/:id/reviews`; `app/api/x/route.ts` → `/api/x`. */
export function routePathOfFile(file: string): string | undefined {
  const segments = file.replace(/\.[cm]?[jt]sx?$/, '').split('/');
  let root = -1;
  segments.forEach((segment, index) => {
    if (ROUTING_ROOTS.has(segment) && index < segments.length - 1) root = index;
  });
  if (root < 0) {
    const api = segments.indexOf('api');
    if (api < 0) return undefined;
    root = api - 1;
  }
  const parts = segments.slice(root + 1);
  if (INDEX_NAMES.has(parts.at(-1) ?? '')) parts.pop();
  const converted = parts
    .filter((part) => !/^\(.*\)$/.test(part))
    .map((part) =>
      part
        .replace(/^\[\[?\.\.\.(\w+)\]?\]$/, '*')
        .replace(/^\[(\w+)\]$/, ':$1')
        .replace(/^\$(\w+)$/, ':$1'),
    );
  return joinPath(...converted);
}
