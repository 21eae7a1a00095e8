import { seedUsers } from '@bff/service-accounts';
import { seedInventory } from '@bff/service-inventory';
import { seedProducts } from '@bff/service-products';
import { newestFirst, seedReviews } from '@bff/service-reviews';
import { startTestStack, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDisplayPrice } from './subgraph/createWebSubgraph.js';

const productPageQuery = /* GraphQL */ `
  query ProductPage($upc: String!) {
    productPage(upc: $upc) {
      upc
      product {
        upc
        name
        price
        displayPrice
        weight
        stock
        inStock
        shippingEstimate { days costCents }
        reviewCount
        averageRating
        reviews(first: 3) { id body rating author { id username name } }
      }
    }
  }
`;

/** The product page of `upc` as the seed data of every service says it must be. */
function expectedProductPage(upc: string) {
  const product = seedProducts().find((candidate) => candidate.upc === upc)!;
  const stock = seedInventory().find((item) => item.upc === upc)!;
  const users = new Map(seedUsers().map((user) => [user.id, user]));
  const reviews = newestReviewsOf(upc);
  const ratingSum = reviews.reduce((sum, review) => sum + review.rating, 0);
  return {
    productPage: {
      upc,
      product: {
        upc,
        name: product.name,
        price: product.price,
        displayPrice: formatDisplayPrice(product.price),
        weight: product.weight,
        stock: stock.stock,
        inStock: stock.inStock,
        shippingEstimate: stock.shippingEstimate,
        reviewCount: reviews.length,
        averageRating: Math.round((ratingSum / reviews.length) * 100) / 100,
        reviews: reviews.slice(0, 3).map((review) => {
          const author = users.get(review.authorId)!;
          return {
            id: review.id,
            body: review.body,
            rating: review.rating,
            author: { id: author.id, username: author.username, name: author.name },
          };
        }),
      },
    },
  };
}

describe('web BFF', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());

  it('serves a product page across products, reviews, accounts and inventory with exactly the seed data', async () => {
    const response = await stack.bff.post({ query: productPageQuery, variables: { upc: '100001' } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: expectedProductPage('100001') });
  });

  it('pins the seed: product 100001 has the same name and price on every machine', async () => {
    const response = await stack.bff.post({
      query: /* GraphQL */ `{ productPage(upc: "100001") { product { name price displayPrice } } }`,
    });
    expect(response.body.data.productPage.product).toEqual({
      name: seedProducts()[0]!.name,
      price: seedProducts()[0]!.price,
      displayPrice: formatDisplayPrice(seedProducts()[0]!.price),
    });
  });

  it('answers an unknown upc with a null product and no error', async () => {
    const response = await stack.bff.post({
      query: /* GraphQL */ `{ productPage(upc: "999999") { upc product { name } } }`,
    });
    expect(response.body).toEqual({ data: { productPage: { upc: '999999', product: null } } });
  });
});

/** The reviews of a product, newest first, as the reviews subgraph orders them. */
function newestReviewsOf(upc: string) {
  return seedReviews()
    .reviews.filter((review) => review.productUpc === upc)
    .sort(newestFirst);
}
