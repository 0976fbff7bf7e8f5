// Recommendations: a product suggested to a shopper, with why.
export type RecommendationReason = 'pinned' | 'also_bought' | 'top_rated' | 'favorite_category';

export interface Recommendation {
  productId: number;
  name: string;
  score: number;
  reason: RecommendationReason;
}
