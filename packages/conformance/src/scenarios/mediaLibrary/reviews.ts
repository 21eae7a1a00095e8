import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * Reviews rate every kind of media, and add podcasts to `Media`: an implementation the catalog does
 * not know, owned here. Its `Media` has no `title`: the catalog resolves that field of books and movies.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])

  interface Media {
    id: ID!
    "Mean of the stars of its reviews; null when it has none."
    rating: Float
    reviews: [Review!]!
  }

  type Book implements Media @key(fields: "id") {
    id: ID!
    rating: Float
    reviews: [Review!]!
  }

  type Movie implements Media @key(fields: "id") {
    id: ID!
    rating: Float
    reviews: [Review!]!
  }

  type Podcast implements Media @key(fields: "id") {
    id: ID!
    title: String!
    year: Int
    episodes: Int!
    rating: Float
    reviews: [Review!]!
  }

  # The catalog's pamphlets, hidden from clients; no one reviews them.
  type Pamphlet implements Media @key(fields: "id") @inaccessible {
    id: ID!
    rating: Float
    reviews: [Review!]!
  }

  type Review {
    id: ID!
    stars: Int!
    body: String!
    subject: Media!
  }

  type Query {
    "Every reviewed medium, best rating first (ties by id)."
    topRated: [Media!]!
    latestReview: Review
    "A review by id, archived ones included."
    review(id: ID!): Review
    podcast(id: ID!): Podcast
  }
`;

type MediaTypename = 'Book' | 'Movie' | 'Podcast' | 'Pamphlet';

interface MediaRef {
  readonly __typename: MediaTypename;
  readonly id: string;
}

interface PodcastRecord extends MediaRef {
  readonly __typename: 'Podcast';
  readonly title: string;
  readonly year: number | null;
  readonly episodes: number;
}

interface ReviewRecord {
  readonly id: string;
  readonly stars: number;
  readonly body: string;
  readonly subject: MediaRef;
}

const podcasts: readonly PodcastRecord[] = [
  { __typename: 'Podcast', id: 'p1', title: 'Imaginary Worlds', year: 2014, episodes: 250 },
  { __typename: 'Podcast', id: 'p2', title: 'Solaris Notes', year: null, episodes: 12 },
];

const reviews: readonly ReviewRecord[] = [
  { id: 'r1', stars: 5, body: 'A desert planet done right.', subject: { __typename: 'Book', id: 'b1' } },
  { id: 'r2', stars: 4, body: 'Loud and beautiful.', subject: { __typename: 'Movie', id: 'm1' } },
  { id: 'r3', stars: 3, body: 'Half a story.', subject: { __typename: 'Movie', id: 'm1' } },
  { id: 'r4', stars: 5, body: 'Best hour of the week.', subject: { __typename: 'Podcast', id: 'p1' } },
  { id: 'r5', stars: 2, body: 'Too short to judge.', subject: { __typename: 'Movie', id: 'm3' } },
  { id: 'r6', stars: 4, body: 'An ocean that thinks.', subject: { __typename: 'Book', id: 'b2' } },
];

// Archived: about a book the catalog has since removed (b404); only \`review(id:)\` finds it.
const archivedReviews: readonly ReviewRecord[] = [
  { id: 'r0', stars: 1, body: 'Out of print, thankfully.', subject: { __typename: 'Book', id: 'b404' } },
];

const podcastById = new Map(podcasts.map((podcast) => [podcast.id, podcast]));

function reviewsOf(subject: MediaRef): ReviewRecord[] {
  return reviews.filter(
    (review) => review.subject.__typename === subject.__typename && review.subject.id === subject.id,
  );
}

function ratingOf(subject: MediaRef): number | null {
  const stars = reviewsOf(subject).map((review) => review.stars);
  return stars.length === 0 ? null : stars.reduce((sum, star) => sum + star, 0) / stars.length;
}

function subjectOf(ref: MediaRef): MediaRef {
  return ref.__typename === 'Podcast' ? podcastById.get(ref.id)! : ref;
}

function topRated(): MediaRef[] {
  const seen = new Map<string, MediaRef>();
  for (const review of reviews)
    seen.set(`${review.subject.__typename}:${review.subject.id}`, subjectOf(review.subject));
  return [...seen.values()].sort(
    (left, right) => ratingOf(right)! - ratingOf(left)! || left.id.localeCompare(right.id),
  );
}

const mediaFields = {
  rating: (subject: MediaRef) => ratingOf(subject),
  reviews: (subject: MediaRef) => reviewsOf(subject),
};

/** The reviews subgraph of the mediaLibrary scenario. */
export const reviewsSubgraph: ScenarioSubgraph = {
  name: 'reviews',
  typeDefs,
  resolvers: {
    Query: {
      topRated: () => topRated(),
      latestReview: () => reviews[reviews.length - 1],
      review: (_: unknown, { id }: { id: string }) =>
        [...reviews, ...archivedReviews].find((review) => review.id === id) ?? null,
      podcast: (_: unknown, { id }: { id: string }) => podcastById.get(id) ?? null,
    },
    Media: {
      __resolveType: (subject: MediaRef) => subject.__typename,
    },
    Review: {
      subject: (review: ReviewRecord) => subjectOf(review.subject),
    },
    Book: {
      __resolveReference: ({ id }: { id: string }): MediaRef => ({ __typename: 'Book', id }),
      ...mediaFields,
    },
    Movie: {
      __resolveReference: ({ id }: { id: string }): MediaRef => ({ __typename: 'Movie', id }),
      ...mediaFields,
    },
    Pamphlet: {
      __resolveReference: ({ id }: { id: string }): MediaRef => ({ __typename: 'Pamphlet', id }),
      ...mediaFields,
    },
    Podcast: {
      __resolveReference: ({ id }: { id: string }) => podcastById.get(id) ?? null,
      ...mediaFields,
    },
  },
};
