// The reviews routes the service takes over from the monolith, with the monolith's paths and schemas, plus the one
// internal route the monolith's anti-corruption client reads.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as reviews from '../reviews/review-rules.js';
import type { ReviewInput } from '../reviews/review-json.js';
import { productRatings } from '../reviews/review-store.js';
import type { Credentials } from '../upstream/upstream-apis.js';
import { idParamSchema, pageQuerySchema, reviewFields, ReviewSort, type PageQuery } from './schemas.js';

function credentialsOf(request: FastifyRequest): Credentials {
  const credentials: Credentials = {};
  if (request.headers.authorization !== undefined) credentials.authorization = request.headers.authorization;
  if (request.headers.cookie !== undefined) credentials.cookie = request.headers.cookie;
  return credentials;
}

export function registerReviewsRoutes(app: FastifyInstance, deps: reviews.ReviewsDeps): void {
  app.get<{ Params: { id: number }; Querystring: PageQuery & { sort?: ReviewSort } }>(
    '/api/products/:id/reviews',
    {
      schema: {
        params: idParamSchema,
        querystring: {
          type: 'object',
          properties: { ...pageQuerySchema, sort: { type: 'string', enum: [...ReviewSort] } },
        },
      },
    },
    async (request) => reviews.listProductReviews(deps, request.params.id, request.query),
  );

  app.post<{ Params: { id: number }; Body: ReviewInput }>(
    '/api/products/:id/reviews',
    {
      schema: {
        params: idParamSchema,
        body: {
          type: 'object',
          required: ['rating', 'title', 'body'],
          additionalProperties: false,
          properties: reviewFields,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reviews.createReview(deps, credentialsOf(request), request.params.id, request.body)),
  );

  app.get<{ Params: { id: number } }>(
    '/api/products/:id/rating',
    { schema: { params: idParamSchema } },
    async (request) => reviews.ratingSummary(deps, request.params.id),
  );

  app.get<{ Params: { id: number } }>(
    '/api/reviews/:id',
    { schema: { params: idParamSchema } },
    async (request) => reviews.getReview(deps, request.params.id),
  );

  app.patch<{ Params: { id: number }; Body: Partial<ReviewInput> }>(
    '/api/reviews/:id',
    {
      schema: {
        params: idParamSchema,
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: reviewFields },
      },
    },
    async (request) => reviews.updateReview(deps, credentialsOf(request), request.params.id, request.body),
  );

  app.delete<{ Params: { id: number } }>(
    '/api/reviews/:id',
    { schema: { params: idParamSchema } },
    async (request, reply) => {
      await reviews.deleteReview(deps, credentialsOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/reviews/:id/helpful',
    { schema: { params: idParamSchema } },
    async (request) => reviews.voteHelpful(deps, credentialsOf(request), request.params.id),
  );

  app.get<{ Params: { id: number }; Querystring: PageQuery }>(
    '/api/users/:id/reviews',
    { schema: { params: idParamSchema, querystring: { type: 'object', properties: pageQuerySchema } } },
    async (request) => reviews.listUserReviews(deps, request.params.id, request.query),
  );

  // Not part of the monolith's contract: what the monolith's recommendations read instead of the reviews table.
  app.get<{ Querystring: { minReviews: number } }>(
    '/internal/product-ratings',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { minReviews: { type: 'integer', minimum: 1, maximum: 1000, default: 1 } },
        },
      },
    },
    async (request) => ({ items: productRatings(deps.db, request.query.minReviews) }),
  );
}
