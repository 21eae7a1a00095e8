import { REVIEW_COUNT, createRandom, productUpcs, userIds } from '@bff/service-kit';

/** A review as the reviews subgraph stores it; author and product are only keys here. */
export interface Review {
  /** '1'..'3000'. */
  id: string;
  /** Three sentences whose tone matches the rating. */
  body: string;
  /** 1 to 5. */
  rating: number;
  /** A user id, '1'..'300'. */
  authorId: string;
  /** A product upc; never one of the unreviewed upcs. */
  productUpc: string;
  /** ISO 8601 instant, for newest-first ordering. Not in the schema. */
  createdAt: string;
}

/** The seed data of the reviews subgraph. */
export interface ReviewsSeed {
  /** All reviews, ids '1'..'3000' in order. */
  reviews: Review[];
  /** Products left without any review on purpose, in upc order, so `averageRating: null` is real. */
  unreviewedUpcs: string[];
}

/** The seed the service uses unless told otherwise. */
export const defaultReviewsSeed = 0x4e71;

/** How many products get no review at all. */
const unreviewedCount = 4;
const seedEpoch = Date.UTC(2025, 0, 1);
const seedSeconds = 540 * 24 * 60 * 60;
// Skewed positive, as real shop reviews are.
const ratings = [1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5] as const;

const fragments = {
  good: {
    openers: [
      'Love it.',
      'Exactly what I needed.',
      'Great value for the price.',
      'Exceeded my expectations.',
      'Really pleased with this.',
    ],
    details: [
      'The build quality is excellent.',
      'It arrived two days early.',
      'Looks even better in person.',
      'The whole family uses it daily.',
      'Setup took five minutes.',
    ],
    closers: ['Would buy again.', 'Highly recommended.', 'Already ordered a second one.', 'No complaints at all.'],
  },
  fair: {
    openers: [
      'It does the job.',
      'Decent, but nothing special.',
      'Mixed feelings about this one.',
      'About what I expected.',
    ],
    details: [
      'Shipping took a while.',
      'The colour is slightly off from the photos.',
      'A bit smaller than I imagined.',
      'The finish could be better.',
    ],
    closers: ['Fine for the price.', 'Might buy again on sale.', 'Three stars feels right.'],
  },
  poor: {
    openers: ['Disappointed.', 'Not as described.', 'Would not buy this again.', 'Sadly, a miss.'],
    details: [
      'It broke after a week.',
      'The instructions were useless.',
      'Half the parts were missing.',
      'It feels cheap and flimsy.',
    ],
    closers: ['Returning it.', 'Would not recommend.', 'Save your money.'],
  },
} as const;

/** Reviews over every user and all but a few products; a pure function of the seed. */
export function seedReviews(seed: number = defaultReviewsSeed): ReviewsSeed {
  const random = createRandom(seed);
  const users = userIds();
  const shuffledUpcs = random.shuffle(productUpcs());
  const unreviewedUpcs = shuffledUpcs.slice(0, unreviewedCount).sort();
  const reviewedUpcs = shuffledUpcs.slice(unreviewedCount);

  const reviews = Array.from({ length: REVIEW_COUNT }, (_, i): Review => {
    const rating = random.pick(ratings);
    const tone = fragments[rating >= 4 ? 'good' : rating === 3 ? 'fair' : 'poor'];
    const body = [random.pick(tone.openers), random.pick(tone.details), random.pick(tone.closers)].join(' ');
    return {
      id: String(i + 1),
      body,
      rating,
      authorId: random.pick(users),
      productUpc: random.pick(reviewedUpcs),
      createdAt: new Date(seedEpoch + random.int(0, seedSeconds - 1) * 1000).toISOString(),
    };
  });
  return { reviews, unreviewedUpcs };
}
