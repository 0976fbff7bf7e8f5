// Small fetch wrappers for the route tests: JSON in, status and JSON out, and logging in as a seed user.

// Response bodies are poked into freely by the tests; typing every shape would add nothing the assertions don't.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
  status: number;
  body: Json;
  headers: Headers;
}

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function call(base: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${base}${path}`, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text), headers: response.headers };
}

export async function login(base: string, email: string, password: string): Promise<string> {
  const reply = await call(base, '/api/sessions', { method: 'POST', body: { email, password } });
  if (reply.status !== 201) throw new Error(`login as ${email} failed: ${reply.status}`);
  return reply.body.token as string;
}

export function loginUser(base: string, n: number): Promise<string> {
  return login(base, `user${n}@example.com`, `password${n}`);
}

export function loginAdmin(base: string): Promise<string> {
  return login(base, 'admin@example.com', 'admin-password');
}

export const PAGE_KEYS = ['items', 'page', 'pageSize', 'total'];

/** Puts one product in the user's cart and checks out; returns the new order. */
export async function placeOrder(base: string, token: string, productId = 1, quantity = 1): Promise<Json> {
  const added = await call(base, '/api/cart/items', { method: 'POST', token, body: { productId, quantity } });
  if (added.status !== 201) throw new Error(`add to cart failed: ${added.status}`);
  const order = await call(base, '/api/orders', { method: 'POST', token, body: {} });
  if (order.status !== 201) throw new Error(`checkout failed: ${order.status} ${JSON.stringify(order.body)}`);
  return order.body;
}

/** Places an order and pays for it by card; returns the order and the payment. */
export async function placePaidOrder(
  base: string,
  token: string,
  productId = 1,
): Promise<{ order: Json; payment: Json }> {
  const order = await placeOrder(base, token, productId);
  const paid = await call(base, '/api/payments', {
    method: 'POST',
    token,
    body: { orderId: order.id, method: 'card', cardNumber: '4111111111111111' },
  });
  if (paid.status !== 201) throw new Error(`payment failed: ${paid.status}`);
  return { order, payment: paid.body };
}
