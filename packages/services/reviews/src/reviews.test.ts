import { readFileSync } from 'node:fs';
import { queryEntities, querySubgraph } from '@bff/service-kit/testing';
import { listenOnFreePort, type RunningServer } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewIndex } from './reviewIndex.js';
import { reviewsSchemaPath, reviewsTypeDefs } from './schema.js';
import { seedReviews, type Review } from './seed.js';
import { createReviewsApp } from './server.js';

const { reviews, unreviewedUpcs } = seedReviews();
const index = createReviewIndex(reviews);
/** A review as `{ id body rating author { id } product { upc } }` returns it. */
const exposed = ({ id, body, rating, authorId, productUpc }: Review) => ({
  id,
  body,
  rating,
  author: { id: authorId },
  product: { upc: productUpc },
});
const reviewFields = 'id body rating author { id } product { upc }';

describe('reviews seed', () => {
  it('seed is deterministic', () => {
    expect(seedReviews()).toEqual(seedReviews());
    expect(seedReviews(1)).not.toEqual(seedReviews());
  });

  it('has 3000 reviews rated 1..5 and leaves exactly the unreviewed upcs without reviews', () => {
    expect(reviews.map((review) => review.id)).toEqual(reviews.map((_, i) => String(i + 1)));
    expect(reviews).toHaveLength(3000);
    for (const { rating } of reviews) expect([1, 2, 3, 4, 5]).toContain(rating);
    expect(unreviewedUpcs).toEqual(['100026', '100088', '100156', '100178']);
    expect(new Set(reviews.map((review) => review.productUpc)).size).toBe(236);
  });
});

describe('reviews subgraph', () => {
  let server: RunningServer;
  const query = async (source: string) => (await querySubgraph(server.url, source)).body;
  const entities = async (representations: Record<string, unknown>[], selection: string) =>
    (await queryEntities(server.url, representations, selection)).body;

  beforeAll(async () => {
    server = await listenOnFreePort(await createReviewsApp());
  });
  afterAll(() => server?.close());

  it('answers the health check', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('serves the SDL from schema.graphql, the single source of truth', () => {
    expect(reviewsTypeDefs).toBe(readFileSync(reviewsSchemaPath, 'utf8'));
  });

  it('returns review 1 exactly as seeded, and null for an unknown id', async () => {
    const body = await query(/* GraphQL */ `{ one: review(id: "1") { ${reviewFields} } none: review(id: "0") { id } }`);
    expect(body).toEqual({ data: { one: exposed(reviews[0]!), none: null } });
    expect(body.data?.one).toEqual({
      id: '1',
      body: 'Exactly what I needed. The build quality is excellent. No complaints at all.',
      rating: 5,
      author: { id: '126' },
      product: { upc: '100035' },
    });
  });

  it('lists the latest reviews newest first, ten by default', async () => {
    const body = await query(/* GraphQL */ `{ latest: latestReviews { id } two: latestReviews(first: 2) { id } }`);
    const newest = [...reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(({ id }) => ({ id }));
    expect(body).toEqual({ data: { latest: newest.slice(0, 10), two: newest.slice(0, 2) } });
    expect(newest.slice(0, 3)).toEqual([{ id: '2957' }, { id: '2205' }, { id: '1241' }]);
  });

  it("resolves a product's reviews, count and rounded average", async () => {
    const body = await entities(
      [
        { __typename: 'Product', upc: '100001' },
        { __typename: 'Product', upc: unreviewedUpcs[0] },
      ],
      `... on Product { upc reviewCount averageRating reviews(first: 3) { id } }`,
    );
    const newest = index.byProduct('100001');
    expect(body).toEqual({
      data: {
        _entities: [
          {
            upc: '100001',
            reviewCount: 15,
            averageRating: 3.67,
            reviews: newest.slice(0, 3).map(({ id }) => ({ id })),
          },
          { upc: unreviewedUpcs[0], reviewCount: 0, averageRating: null, reviews: [] },
        ],
      },
    });
    expect(reviews.filter((review) => review.productUpc === '100001')).toHaveLength(15);
  });

  it("resolves a user's reviews newest first, for any user id", async () => {
    const body = await entities(
      [
        { __typename: 'User', id: '1' },
        { __typename: 'User', id: 'nobody' },
      ],
      `... on User { id reviews(first: 100) { id } }`,
    );
    const expected = reviews
      .filter((review) => review.authorId === '1')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(({ id }) => ({ id }));
    expect(expected).toHaveLength(13);
    expect(body).toEqual({
      data: {
        _entities: [
          { id: '1', reviews: expected },
          { id: 'nobody', reviews: [] },
        ],
      },
    });
  });

  it('resolves review entities by id, null for unknown ones', async () => {
    const body = await entities(
      [
        { __typename: 'Review', id: '2' },
        { __typename: 'Review', id: '3001' },
      ],
      `... on Review { ${reviewFields} }`,
    );
    expect(body).toEqual({ data: { _entities: [exposed(reviews[1]!), null] } });
  });

  it('rejects a first over 100 with BAD_USER_INPUT', async () => {
    const body = await query(/* GraphQL */ `{ latestReviews(first: 101) { id } }`);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'first must be between 0 and 100, but got: 101',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
  });

  it('publishes its federation SDL through _service', async () => {
    const body = await query(/* GraphQL */ `{ _service { sdl } }`);
    const sdl = (body.data?._service as { sdl: string }).sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toContain('type User');
    expect(sdl).toContain('averageRating: Float');
  });
});
