// JSON schema fragments copied from the monolith's controllers: fastify's 400 messages come from these, so they must match.
export const ReviewSort = ['newest', 'rating_desc', 'rating_asc', 'helpful'] as const;
export type ReviewSort = (typeof ReviewSort)[number];

export const pageQuerySchema = {
  page: { type: 'integer', minimum: 1, maximum: 100000 },
  pageSize: { type: 'integer', minimum: 1, maximum: 100 },
} as const;

export const idParamSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const reviewFields = {
  rating: { type: 'integer', minimum: 1, maximum: 5 },
  title: { type: 'string', minLength: 1, maxLength: 120 },
  body: { type: 'string', minLength: 1, maxLength: 5000 },
} as const;

export interface PageQuery {
  page?: number;
  pageSize?: number;
}
