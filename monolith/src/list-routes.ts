// The route inventory as fastify itself sees it, for tests and the analysis to compare against.
import { buildApp } from './app.js';
import { openDatabase } from './db/connection.js';

export interface RouteEntry {
  method: string;
  url: string;
}

export function listRoutes(): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const db = openDatabase(':memory:', { seed: false });
  try {
    // fastify adds a HEAD twin for every GET; only the routes the code declares belong in the inventory.
    buildApp({ db, closeDatabase: false, onRoute: (r) => r.method !== 'HEAD' && routes.push(r) });
  } finally {
    db.close();
  }
  return routes.sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}
