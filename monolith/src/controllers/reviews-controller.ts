// Reviews: product reviews and rating summaries (reads are public and deterministic), and writing reviews.
import type { FastifyInstance } from 'fastify';
import { config } from '../config.js';
import type { Db } from '../db/connection.js';
import { ReviewSort } from '../models/enums.js';
import type { ReviewInput } from '../models/review.js';
import { currentUser } from '../lib/auth.js';
import { AppError } from '../lib/errors.js';
import { idParamSchema, pageQuerySchema, type PageQuery } from '../lib/helpers.js';
import * as reviews from '../services/review-service.js';

const reviewFields = {
  rating: { type: 'integer', minimum: 1, maximum: 5 },
  title: { type: 'string', minLength: 1, maxLength: 120 },
  body: { type: 'string', minLength: 1, maxLength: 5000 },
} as const;

// Once the reviews service owns the reviews tables it is their only writer; a write that still reaches the store was
// routed here by mistake (RFC 9110 §15.5.20, 421 Misdirected Request), and accepting it would fork the data.
async function refuseWhenMoved(): Promise<void> {
  if (config.reviewsServiceUrl !== null) {
    throw new AppError(421, 'REVIEWS_MOVED', 'Reviews are written by the reviews service now.');
  }
}

export function registerReviewsController(app: FastifyInstance, db: Db): void {
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
    async (request) => reviews.listProductReviews(db, request.params.id, request.query),
  );

  app.post<{ Params: { id: number }; Body: ReviewInput }>(
    '/api/products/:id/reviews',
    {
      preHandler: refuseWhenMoved,
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
        .send(reviews.createReview(db, currentUser(db, request), request.params.id, request.body)),
  );

  app.get<{ Params: { id: number } }>(
    '/api/products/:id/rating',
    { schema: { params: idParamSchema } },
    async (request) => reviews.ratingSummary(db, request.params.id),
  );

  app.get<{ Params: { id: number } }>(
    '/api/reviews/:id',
    { schema: { params: idParamSchema } },
    async (request) => reviews.getReview(db, request.params.id),
  );

  app.patch<{ Params: { id: number }; Body: Partial<ReviewInput> }>(
    '/api/reviews/:id',
    {
      preHandler: refuseWhenMoved,
      schema: {
        params: idParamSchema,
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: reviewFields },
      },
    },
    async (request) => reviews.updateReview(db, currentUser(db, request), request.params.id, request.body),
  );

  app.delete<{ Params: { id: number } }>(
    '/api/reviews/:id',
    { preHandler: refuseWhenMoved, schema: { params: idParamSchema } },
    async (request, reply) => {
      reviews.deleteReview(db, currentUser(db, request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/reviews/:id/helpful',
    { preHandler: refuseWhenMoved, schema: { params: idParamSchema } },
    async (request) => reviews.voteHelpful(db, currentUser(db, request), request.params.id),
  );

  app.get<{ Params: { id: number }; Querystring: PageQuery }>(
    '/api/users/:id/reviews',
    { schema: { params: idParamSchema, querystring: { type: 'object', properties: pageQuerySchema } } },
    async (request) => reviews.listUserReviews(db, request.params.id, request.query),
  );
}
