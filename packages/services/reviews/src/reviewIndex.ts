import type { Review } from './seed.js';

/** Rating summary of one product. */
export interface ProductRating {
  reviewCount: number;
  /** Mean rating rounded to 2 decimals; null without reviews. */
  averageRating: number | null;
}

/** Lookups over one set of reviews, built once per app. Every list is newest first. */
export interface ReviewIndex {
  byId(id: string): Review | undefined;
  latest(): readonly Review[];
  byAuthor(authorId: string): readonly Review[];
  byProduct(upc: string): readonly Review[];
  ratingOf(upc: string): ProductRating;
}

/** Sorts once and groups by author and product, so every resolver is a lookup and a slice. */
export function createReviewIndex(reviews: readonly Review[]): ReviewIndex {
  const latest = [...reviews].sort(newestFirst);
  const byId = new Map(reviews.map((review) => [review.id, review]));
  const byAuthor = groupBy(latest, (review) => review.authorId);
  const byProduct = groupBy(latest, (review) => review.productUpc);
  const none: readonly Review[] = [];

  return {
    byId: (id) => byId.get(id),
    latest: () => latest,
    byAuthor: (authorId) => byAuthor.get(authorId) ?? none,
    byProduct: (upc) => byProduct.get(upc) ?? none,
    ratingOf: (upc) => {
      const list = byProduct.get(upc) ?? none;
      if (list.length === 0) return { reviewCount: 0, averageRating: null };
      const sum = list.reduce((total, review) => total + review.rating, 0);
      return { reviewCount: list.length, averageRating: Math.round((sum / list.length) * 100) / 100 };
    },
  };
}

/** By createdAt, descending; equal instants by id, higher first. */
export function newestFirst(a: Review, b: Review): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return Number(b.id) - Number(a.id);
}

/** Groups keeping the input order within each group. */
function groupBy(reviews: readonly Review[], key: (review: Review) => string): Map<string, Review[]> {
  const groups = new Map<string, Review[]>();
  for (const review of reviews) {
    const group = groups.get(key(review));
    if (group) group.push(review);
    else groups.set(key(review), [review]);
  }
  return groups;
}
