// The reviews service's view of the APIs it depends on: accounts (who is signed in), orders (did they buy it),
// catalog (does the product exist). It calls their public HTTP routes, so it never reads their tables.
import { dependencyUnavailable } from '../http/service-error.js';

export interface SessionUser {
  id: number;
  name: string;
  role: string;
}

export interface UpstreamApis {
  /** The user behind the request's bearer token or `sid` cookie; null when there is none or it expired. */
  currentUser(credentials: Credentials): Promise<SessionUser | null>;
  /** Whether the user has a paid, shipped or delivered order containing the product. */
  hasPurchased(credentials: Credentials, productId: number): Promise<boolean>;
  productExists(productId: number): Promise<boolean>;
}

export interface Credentials {
  authorization?: string;
  cookie?: string;
}

export interface HttpUpstreamOptions {
  /** Base URL of the accounts and orders API (the monolith until they are extracted). */
  accountsUrl: string;
  /** Base URL of the catalog API (the monolith, or the catalog service once it owns `/api/products/:id`). */
  catalogUrl: string;
  timeoutMs?: number;
}

const PURCHASED = new Set(['paid', 'shipped', 'delivered']);

interface OrderPage {
  items: { id: number; status: string }[];
  total: number;
}

export function httpUpstreamApis(options: HttpUpstreamOptions): UpstreamApis {
  const timeoutMs = options.timeoutMs ?? 2000;

  async function get(base: string, path: string, credentials: Credentials, what: string): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (credentials.authorization !== undefined) headers.authorization = credentials.authorization;
    if (credentials.cookie !== undefined) headers.cookie = credentials.cookie;
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      throw dependencyUnavailable(what);
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw dependencyUnavailable(what);
    }
    return response;
  }

  return {
    async currentUser(credentials) {
      // Without credentials the monolith answers 401 too; skip the round trip.
      if (credentials.authorization === undefined && credentials.cookie === undefined) return null;
      const response = await get(
        options.accountsUrl,
        '/api/sessions/current',
        credentials,
        'The accounts API',
      );
      if (response.status === 401) {
        await response.body?.cancel();
        return null;
      }
      if (response.status !== 200) throw dependencyUnavailable('The accounts API');
      const { user } = (await response.json()) as { user: SessionUser };
      return { id: user.id, name: user.name, role: user.role };
    },

    async hasPurchased(credentials, productId) {
      // The orders API shows only the caller's own orders, which is exactly the question asked. Its list carries
      // no product ids, so each purchased order is opened until one contains the product.
      for (let page = 1; ; page += 1) {
        const response = await get(
          options.accountsUrl,
          `/api/orders?page=${page}&pageSize=100`,
          credentials,
          'The orders API',
        );
        if (response.status !== 200) throw dependencyUnavailable('The orders API');
        const list = (await response.json()) as OrderPage;
        for (const order of list.items.filter((o) => PURCHASED.has(o.status))) {
          const detail = await get(
            options.accountsUrl,
            `/api/orders/${order.id}`,
            credentials,
            'The orders API',
          );
          if (detail.status !== 200) throw dependencyUnavailable('The orders API');
          const full = (await detail.json()) as { items: { productId: number }[] };
          if (full.items.some((item) => item.productId === productId)) return true;
        }
        if (page * 100 >= list.total || list.items.length === 0) return false;
      }
    },

    async productExists(productId) {
      const response = await get(options.catalogUrl, `/api/products/${productId}`, {}, 'The catalog API');
      await response.body?.cancel();
      if (response.status === 200) return true;
      if (response.status === 404) return false;
      throw dependencyUnavailable('The catalog API');
    },
  };
}
