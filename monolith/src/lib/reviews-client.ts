// Anti-corruption client for the extracted reviews service: the store's other domains read ratings through it, in
// the store's own terms, once the service owns the reviews tables (config.reviewsServiceUrl).
import { AppError } from './errors.js';

export interface ProductRating {
  productId: number;
  count: number;
  /** Rounded to two decimals by the service exactly as the old `ROUND(AVG(rating), 2)` did. */
  average: number;
}

const TIMEOUT_MS = 2000;

function unavailable(cause: unknown): AppError {
  const error = new AppError(503, 'UNAVAILABLE', 'Ratings are unavailable right now; try again.');
  (error as Error & { cause?: unknown }).cause = cause;
  return error;
}

/** Every product with at least `minReviews` reviews, with its review count and average rating. */
export async function fetchProductRatings(baseUrl: string, minReviews: number): Promise<ProductRating[]> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/internal/product-ratings?minReviews=${minReviews}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw unavailable(error);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw unavailable(new Error(`reviews service answered ${response.status}`));
  }
  const body = (await response.json()) as { items: ProductRating[] };
  return body.items;
}
