// JSON schema fragments copied from the monolith's catalog controllers: fastify's 400 messages come from these.
export const ProductSort = ['name', 'price_asc', 'price_desc', 'newest'] as const;
export type ProductSort = (typeof ProductSort)[number];

export const pageQuerySchema = {
  page: { type: 'integer', minimum: 1, maximum: 100000 },
  pageSize: { type: 'integer', minimum: 1, maximum: 100 },
} as const;

export const idParamSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export interface PageQuery {
  page?: number;
  pageSize?: number;
}
