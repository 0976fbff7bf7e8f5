// The reviews contract corpus: for every reviews route in the monolith's inventory, existing and missing ids,
// pagination and sorts, bad input, and writes with and without a session, in an order that walks through states.
import { admin, anonymous, asUser, forged, type ContractRequest } from '@ficus/tools/contract-check';
import type { ReviewFacts } from './reviews-facts.js';

export const REVIEWS_ROUTES = [
  'GET /api/products/:id/reviews',
  'POST /api/products/:id/reviews',
  'GET /api/products/:id/rating',
  'GET /api/reviews/:id',
  'PATCH /api/reviews/:id',
  'DELETE /api/reviews/:id',
  'POST /api/reviews/:id/helpful',
  'GET /api/users/:id/reviews',
] as const;

type Route = (typeof REVIEWS_ROUTES)[number];

function at(route: Route, path: string, extra: Partial<ContractRequest> = {}): ContractRequest {
  const method = route.slice(0, route.indexOf(' '));
  return { route, method, path, caller: anonymous, ...extra };
}

/** Takes the routes from the monolith's inventory and refuses to run if one the service serves is gone or renamed. */
export function buildReviewsCorpus(
  inventory: readonly { method: string; url: string }[],
  facts: ReviewFacts,
): ContractRequest[] {
  const declared = new Set(inventory.map((r) => `${r.method} ${r.url}`));
  const missing = REVIEWS_ROUTES.filter((r) => !declared.has(r));
  if (missing.length > 0) throw new Error(`the monolith no longer declares ${missing.join(', ')}`);

  const [r1, r2, r3] = facts.reviews as [
    ReviewFacts['reviews'][number],
    ReviewFacts['reviews'][number],
    ReviewFacts['reviews'][number],
  ];
  const stranger = r1.userId === 5 ? 6 : 5; // neither author of review 1 nor its product's reviewer
  const missingProduct = facts.productCount + 1;
  const nextReview = facts.lastReviewId + 1;
  const list = '/api/products/:id/reviews' as const;
  const corpus: ContractRequest[] = [];
  const get = (route: Route, path: string, extra?: Partial<ContractRequest>): void => {
    corpus.push(at(route, path, extra));
  };

  // Reads: existing, edge and missing ids; every sort; pages inside, at and past the end; bad query values.
  for (const id of [1, 2, 3, 7, 42, 100, 500, 1500, 2999, facts.productCount])
    get(`GET ${list}`, `/api/products/${id}/reviews`);
  for (const q of [
    'page=2',
    'page=3&pageSize=5',
    'pageSize=1',
    'pageSize=100',
    'page=1000',
    'page=2&pageSize=50',
  ])
    get(`GET ${list}`, `/api/products/1/reviews?${q}`);
  for (const sort of ['newest', 'rating_desc', 'rating_asc', 'helpful'])
    for (const id of [1, 2]) get(`GET ${list}`, `/api/products/${id}/reviews?sort=${sort}&pageSize=10`);
  for (const q of ['sort=bogus', 'pageSize=0', 'pageSize=101', 'page=0', 'page=abc', 'page=100001'])
    get(`GET ${list}`, `/api/products/1/reviews?${q}`);
  for (const id of ['0', '-1', 'abc', '1.5', String(missingProduct), '999999'])
    get(`GET ${list}`, `/api/products/${id}/reviews`);
  get(`GET ${list}`, '/api/products/1/reviews', { caller: asUser(1) });

  for (const id of [
    '1',
    '2',
    '3',
    '10',
    '100',
    '1000',
    '2999',
    String(facts.productCount),
    String(missingProduct),
    '0',
    'x',
    '99999',
  ])
    get('GET /api/products/:id/rating', `/api/products/${id}/rating`);

  for (const id of [
    '1',
    '2',
    '3',
    '100',
    '4000',
    '7999',
    String(facts.lastReviewId),
    String(nextReview),
    '0',
    'x',
    '999999',
  ])
    get('GET /api/reviews/:id', `/api/reviews/${id}`);

  for (const id of ['1', '2', '3', '50', '200', '400', '401', '402', '9999', '0', 'x'])
    get('GET /api/users/:id/reviews', `/api/users/${id}/reviews`);
  for (const q of ['page=2&pageSize=1', 'pageSize=100', 'pageSize=101', 'page=50'])
    get('GET /api/users/:id/reviews', `/api/users/${r1.userId}/reviews?${q}`);

  // Writing a review: auth first, then validation-free failures, then the happy paths and the duplicate.
  const post = 'POST /api/products/:id/reviews' as const;
  const fresh = { rating: 4, title: 'Solid', body: 'Does what it says.' };
  const { userId: buyer, productId: bought } = facts.purchase;
  const { userId: newcomer, productId: unbought } = facts.fresh;
  get(post, `/api/products/${unbought}/reviews`, { body: fresh });
  get(post, `/api/products/${unbought}/reviews`, { body: fresh, caller: forged });
  get(post, `/api/products/${unbought}/reviews`, {
    body: { rating: 4, title: 'No body' },
    caller: asUser(newcomer),
  });
  get(post, `/api/products/${unbought}/reviews`, { body: { ...fresh, rating: 6 }, caller: asUser(newcomer) });
  get(post, `/api/products/${unbought}/reviews`, {
    body: { ...fresh, extra: true },
    caller: asUser(newcomer),
  });
  get(post, `/api/products/${unbought}/reviews`, { body: { ...fresh, title: '' }, caller: asUser(newcomer) });
  get(post, `/api/products/${unbought}/reviews`, { rawBody: '{"rating": 4,', caller: asUser(newcomer) });
  get(post, '/api/products/x/reviews', { body: fresh, caller: asUser(newcomer) });
  get(post, `/api/products/${missingProduct}/reviews`, { body: fresh, caller: asUser(newcomer) });
  get(post, `/api/products/${r1.productId}/reviews`, { body: fresh, caller: asUser(r1.userId) });
  get(post, `/api/products/${unbought}/reviews`, { body: fresh, caller: asUser(newcomer) });
  get(post, `/api/products/${unbought}/reviews`, { body: fresh, caller: asUser(newcomer) });
  get(post, `/api/products/${bought}/reviews`, {
    body: { rating: 5, title: 'Bought it', body: 'Love it.' },
    caller: asUser(buyer, 'cookie'),
  });
  get(`GET ${list}`, `/api/products/${unbought}/reviews`);
  get('GET /api/products/:id/rating', `/api/products/${bought}/rating`);
  get('GET /api/reviews/:id', `/api/reviews/${nextReview}`);
  get('GET /api/reviews/:id', `/api/reviews/${nextReview + 1}`);

  // Editing: only the author, at least one known field.
  const patch = 'PATCH /api/reviews/:id' as const;
  get(patch, `/api/reviews/${r1.id}`, { body: { rating: 2 } });
  get(patch, `/api/reviews/${r1.id}`, { body: { rating: 2 }, caller: asUser(stranger) });
  get(patch, `/api/reviews/${r1.id}`, { body: {}, caller: asUser(r1.userId) });
  get(patch, `/api/reviews/${r1.id}`, { body: { rating: 0 }, caller: asUser(r1.userId) });
  get(patch, `/api/reviews/${r1.id}`, { body: { stars: 5 }, caller: asUser(r1.userId) });
  get(patch, '/api/reviews/999999', { body: { rating: 2 }, caller: asUser(r1.userId) });
  get(patch, `/api/reviews/${r1.id}`, {
    body: { rating: 2, title: 'Changed my mind' },
    caller: asUser(r1.userId),
  });
  get(patch, `/api/reviews/${nextReview}`, {
    body: { body: 'Still good after a month.' },
    caller: asUser(newcomer),
  });
  get('GET /api/products/:id/rating', `/api/products/${r1.productId}/rating`);

  // Helpful votes: not on your own review, once per user.
  const vote = 'POST /api/reviews/:id/helpful' as const;
  get(vote, `/api/reviews/${r1.id}/helpful`);
  get(vote, `/api/reviews/${r1.id}/helpful`, { caller: asUser(r1.userId) });
  get(vote, `/api/reviews/${r1.id}/helpful`, { caller: asUser(stranger) });
  get(vote, `/api/reviews/${r1.id}/helpful`, { caller: asUser(stranger) });
  get(vote, `/api/reviews/${r1.id}/helpful`, { caller: admin });
  get(vote, '/api/reviews/999999/helpful', { caller: asUser(stranger) });
  get(vote, '/api/reviews/abc/helpful', { caller: asUser(stranger) });
  get(`GET ${list}`, `/api/products/${r1.productId}/reviews?sort=helpful`);

  // Deleting: the author or an admin; a second delete finds nothing.
  const del = 'DELETE /api/reviews/:id' as const;
  const notAuthorOf2 = r2.userId === stranger ? stranger + 1 : stranger;
  get(del, `/api/reviews/${r2.id}`);
  get(del, `/api/reviews/${r2.id}`, { caller: asUser(notAuthorOf2) });
  get(del, `/api/reviews/${r2.id}`, { caller: admin });
  get(del, `/api/reviews/${r2.id}`, { caller: admin });
  get(del, `/api/reviews/${r3.id}`, { caller: asUser(r3.userId) });
  get(del, `/api/reviews/${r1.id}`, { caller: forged });
  get(del, '/api/reviews/0', { caller: admin });
  get('GET /api/reviews/:id', `/api/reviews/${r2.id}`);
  get(`GET ${list}`, `/api/products/${r2.productId}/reviews`);
  get('GET /api/products/:id/rating', `/api/products/${r3.productId}/rating`);
  get('GET /api/users/:id/reviews', `/api/users/${r3.userId}/reviews`);
  get('GET /api/users/:id/reviews', `/api/users/${newcomer}/reviews`);
  return corpus;
}
