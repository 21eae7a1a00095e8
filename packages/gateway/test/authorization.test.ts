import { seedUsers } from '@bff/service-accounts';
import { seedProducts } from '@bff/service-products';
import { startTestStack, viewerHeaders, forbiddenError, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');
const user1 = seedUsers()[0]!;
const product1 = seedProducts()[0]!;

describe('web BFF access rules', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());
  beforeEach(() => stack.services.resetCalls());
  const post = (query: string, headers: Record<string, string>, variables?: object) =>
    stack.bff.post({ query, variables }, headers);
  const callsMade = () => Object.values(stack.services.calls).flat();

  describe("a user's email and orders: that user or staff", () => {
    it('denies them deep in lists with each error at its full path, list indexes included', async () => {
      const response = await post(
        /* GraphQL */ `{ product(upc: "${product1.upc}") { reviews(first: 2) { rating author { email } } } }`,
        as.anonymous,
      );
      const reviews = (
        response.body as { data: { product: { reviews: { rating: number; author: { email: null } }[] } } }
      ).data.product.reviews;
      expect(reviews).toHaveLength(2);
      expect(reviews.map((review) => review.author)).toEqual([{ email: null }, { email: null }]);
      expect(response.body.errors).toEqual([
        forbiddenError('Not allowed to read User.email.', ['product', 'reviews', 0, 'author', 'email']),
        forbiddenError('Not allowed to read User.email.', ['product', 'reviews', 1, 'author', 'email']),
      ]);
    });

    it('fetches the id the ownership rule needs without returning it when the client did not ask', async () => {
      const response = await post(/* GraphQL */ `{ user(id: "1") { email } }`, as.customer);
      expect(response.body).toEqual({ data: { user: { email: user1.email } } });
    });
  });

  describe('an order: its buyer or staff', () => {
    const order = /* GraphQL */ `{ order(id: "o1") { id itemCount buyer { id } } }`;

    it('decides the root field before any call: anonymous gets "Sign in" and no service is called', async () => {
      expect((await post(order, as.anonymous)).body).toEqual({
        data: { order: null },
        errors: [forbiddenError('Sign in to see this.', ['order'])],
      });
      expect(callsMade()).toEqual([]);
    });
  });

  describe('documents the rules rewrite', () => {
    it('issue #3 - a document pruned for one viewer never shares its query plan with another', async () => {
      const mixed = /* GraphQL */ `query Mixed { order(id: "o1") { id } product(upc: "100001") { name } }`;
      const anonymous = await post(mixed, as.anonymous);
      expect(anonymous.body).toEqual({
        data: { order: null, product: { name: product1.name } },
        errors: [forbiddenError('Sign in to see this.', ['order'])],
      });
      const customer = await post(mixed, as.customer);
      expect(customer.body).toEqual({ data: { order: { id: 'o1' }, product: { name: product1.name } } });
      const again = await post(mixed, as.anonymous);
      expect(again.body).toEqual(anonymous.body);
    });

    it('prunes denied root fields inside inline and named fragments, keeping aliases', async () => {
      const query = /* GraphQL */ `
        query Fragments { top: topProducts(first: 1) { upc } ... on Query { mine: order(id: "o1") { id } } ...Theirs }
        fragment Theirs on Query { theirs: order(id: "o2") { id } }
      `;
      expect((await post(query, as.anonymous)).body).toEqual({
        data: { top: [{ upc: '100084' }], mine: null, theirs: null },
        errors: [forbiddenError('Sign in to see this.', ['mine']), forbiddenError('Sign in to see this.', ['theirs'])],
      });
    });

    it('decides nested fields under lists and aliases, per object', async () => {
      const query = /* GraphQL */ `{ productPage(upc: "100001") { product { reviews(first: 2) { author { id mail: email } } } } }`;
      const response = await post(query, as.customer);
      const authors = response.body.data.productPage.product.reviews.map(
        (review: { author: { id: string } }) => review.author.id,
      );
      expect(authors).not.toContain('1');
      expect(response.body).toEqual({
        data: { productPage: { product: { reviews: authors.map((id: string) => ({ author: { id, mail: null } })) } } },
        errors: [0, 1].map((index) =>
          forbiddenError('Not allowed to read User.email.', [
            'productPage',
            'product',
            'reviews',
            index,
            'author',
            'mail',
          ]),
        ),
      });
    });
  });
});
