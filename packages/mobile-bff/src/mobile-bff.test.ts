import { seedProducts } from '@bff/service-products';
import { seedReviews } from '@bff/service-reviews';
import { productUpcs } from '@bff/service-kit';
import { startTestStack, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPriceLabel } from './subgraph/formatPriceLabel.js';

const feedQuery = /* GraphQL */ `
  query Feed($first: Int!, $after: String) {
    feed(first: $first, after: $after) {
      edges { cursor node { upc name priceLabel averageRating reviewCount } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface FeedCard {
  upc: string;
  name: string;
  priceLabel: string;
  averageRating: number | null;
  reviewCount: number;
}

/** The card of every product, as the seed data of products and reviews says it must be. */
function expectedCards(): Map<string, FeedCard> {
  const reviews = seedReviews().reviews;
  return new Map(
    seedProducts().map((product) => {
      const ratings = reviews.filter((review) => review.productUpc === product.upc).map((review) => review.rating);
      const averageRating =
        ratings.length === 0 ? null : Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100;
      return [
        product.upc,
        {
          upc: product.upc,
          name: product.name,
          priceLabel: formatPriceLabel(product.price),
          averageRating,
          reviewCount: ratings.length,
        },
      ];
    }),
  );
}

describe('mobile BFF', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('mobile');
  });
  afterAll(() => stack?.close());

  it('walks the whole catalogue page by page with cursors, with no overlap and no gap', async () => {
    const cards: FeedCard[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response = await stack.bff.post({ query: feedQuery, variables: { first: 50, after } });
      expect(response.body.errors).toBeUndefined();
      const feed = response.body.data.feed;
      cards.push(...feed.edges.map((edge: { node: FeedCard }) => edge.node));
      pages += 1;
      expect(feed.pageInfo.endCursor).toBe(feed.edges.at(-1)?.cursor ?? null);
      if (!feed.pageInfo.hasNextPage) break;
      after = feed.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(cards.map((card) => card.upc)).toEqual(productUpcs());
    const expected = expectedCards();
    expect(cards).toEqual(cards.map((card) => expected.get(card.upc)));
  });

  it('labels prices compactly for a small screen', () => {
    expect(formatPriceLabel(17499)).toBe('$174.99');
    expect(formatPriceLabel(99999)).toBe('$999.99');
    expect(formatPriceLabel(129900)).toBe('$1.3K');
  });

  it('rejects a page size over the cap with BAD_USER_INPUT and keeps serving', async () => {
    const response = await stack.bff.post({ query: feedQuery, variables: { first: 51 } });
    expect(response.body).toEqual({
      data: null,
      errors: [
        {
          message: 'feed(first:) must be from 1 to 50, but got: 51',
          path: ['feed'],
          extensions: { code: 'BAD_USER_INPUT', serviceName: 'mobile' },
        },
      ],
    });
    const next = await stack.bff.post({ query: feedQuery, variables: { first: 1 } });
    expect(next.body.data.feed.edges).toHaveLength(1);
  });

  it('rejects a cursor the catalogue did not issue with BAD_USER_INPUT', async () => {
    const response = await stack.bff.post({ query: feedQuery, variables: { first: 5, after: 'not-a-cursor' } });
    expect(response.body).toEqual({
      data: null,
      errors: [
        {
          message: "feed(after:) must be a cursor returned by feed, but got: 'not-a-cursor'",
          path: ['feed'],
          extensions: { code: 'BAD_USER_INPUT', serviceName: 'mobile' },
        },
      ],
    });
  });

  it.each([
    [100, 1, 128],
    [100, 3, 384],
    [375, 2, 768],
    [375, 3, 1536],
    [1024, 4, 2048],
  ])(
    'sizes product images for the screen: %i points at density %d is a %i-pixel image',
    async (width, density, pixels) => {
      const response = await stack.bff.post({
        query: /* GraphQL */ `query ($width: Int!, $density: Float) { product(upc: "100001") { imageUrl(width: $width, density: $density) } }`,
        variables: { width, density },
      });
      expect(response.body).toEqual({
        data: { product: { imageUrl: `https://images.example.com/images/100001.jpg?w=${pixels}` } },
      });
    },
  );

  it('sizes an image at density 1 when the phone does not say', async () => {
    const response = await stack.bff.post({
      query: /* GraphQL */ `{ product(upc: "100002") { imageUrl(width: 200) } }`,
    });
    expect(response.body).toEqual({
      data: { product: { imageUrl: 'https://images.example.com/images/100002.jpg?w=256' } },
    });
  });

  it.each([
    ['width: 0', 'imageUrl(width:) must be an integer from 1 to 1024, but got: 0'],
    ['width: 1025', 'imageUrl(width:) must be an integer from 1 to 1024, but got: 1025'],
    ['width: 100, density: 0.5', 'imageUrl(density:) must be from 1 to 4, but got: 0.5'],
    ['width: 100, density: 5', 'imageUrl(density:) must be from 1 to 4, but got: 5'],
  ])('rejects an image size out of range (%s) with BAD_USER_INPUT', async (args, message) => {
    const response = await stack.bff.post({ query: `{ product(upc: "100001") { name imageUrl(${args}) } }` });
    expect(response.body).toEqual({
      data: { product: null },
      errors: [
        { message, path: ['product', 'imageUrl'], extensions: { code: 'BAD_USER_INPUT', serviceName: 'mobile' } },
      ],
    });
  });
});
