import { seedUsers } from '@bff/service-accounts';
import { seedProducts } from '@bff/service-products';
import { signTestToken, startTestStack, viewerHeaders, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');
const user1 = seedUsers()[0]!;
const product1 = seedProducts()[0]!;
const forbidden = (message: string, path: (string | number)[]) => ({
  message,
  path,
  extensions: { code: 'FORBIDDEN' },
});

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
    const profile = /* GraphQL */ `{ user(id: "1") { id name email orders { id } } }`;
    const full = { data: { user: { id: '1', name: user1.name, email: user1.email, orders: [{ id: 'o1' }] } } };

    it.each(['customer', 'staff'] as const)('serves them to %s', async (viewer) => {
      expect((await post(profile, as[viewer])).body).toEqual(full);
    });

    it.each(['anonymous', 'otherCustomer'] as const)(
      'nulls them for %s with FORBIDDEN on each path, keeping the rest',
      async (viewer) => {
        const response = await post(profile, as[viewer]);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          data: { user: { id: '1', name: user1.name, email: null, orders: null } },
          errors: [
            forbidden('Not allowed to read User.email.', ['user', 'email']),
            forbidden('Not allowed to read User.orders.', ['user', 'orders']),
          ],
        });
      },
    );

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
        forbidden('Not allowed to read User.email.', ['product', 'reviews', 0, 'author', 'email']),
        forbidden('Not allowed to read User.email.', ['product', 'reviews', 1, 'author', 'email']),
      ]);
    });

    it('fetches the id the ownership rule needs without returning it when the client did not ask', async () => {
      const response = await post(/* GraphQL */ `{ user(id: "1") { email } }`, as.customer);
      expect(response.body).toEqual({ data: { user: { email: user1.email } } });
    });
  });

  describe('internal product fields: staff only', () => {
    const internal = /* GraphQL */ `{ product(upc: "100001") { name cost supplier } }`;

    it('serves cost and supplier to staff', async () => {
      expect((await post(internal, as.staff)).body).toEqual({
        data: { product: { name: product1.name, cost: 10849, supplier: 'Fabrikam Goods' } },
      });
    });

    it.each(['anonymous', 'customer'] as const)(
      'denies them to %s; cost is non-null, so the product is null as GraphQL propagates',
      async (viewer) => {
        expect((await post(internal, as[viewer])).body).toEqual({
          data: { product: null },
          errors: [
            forbidden('Not allowed to read Product.cost.', ['product', 'cost']),
            forbidden('Not allowed to read Product.supplier.', ['product', 'supplier']),
          ],
        });
      },
    );
  });

  describe('an order: its buyer or staff', () => {
    const order = /* GraphQL */ `{ order(id: "o1") { id itemCount buyer { id } } }`;

    it.each(['customer', 'staff'] as const)('serves order o1 to %s', async (viewer) => {
      expect((await post(order, as[viewer])).body).toEqual({
        data: { order: { id: 'o1', itemCount: 10, buyer: { id: '1' } } },
      });
    });

    it('denies the order object to another customer with one error at its path', async () => {
      expect((await post(order, as.otherCustomer)).body).toEqual({
        data: { order: null },
        errors: [forbidden('Not allowed to read this Order.', ['order'])],
      });
    });

    it('decides the root field before any call: anonymous gets "Sign in" and no service is called', async () => {
      expect((await post(order, as.anonymous)).body).toEqual({
        data: { order: null },
        errors: [forbidden('Sign in to see this.', ['order'])],
      });
      expect(callsMade()).toEqual([]);
    });
  });

  describe('createOrder: customers for themselves, staff for anyone', () => {
    const createOrder = /* GraphQL */ `mutation ($buyerId: ID!) { createOrder(input: { buyerId: $buyerId, lines: [{ upc: "100010", quantity: 1 }] }) { itemCount buyer { id } } }`;

    it('lets a customer order for themselves and staff order for a customer', async () => {
      expect((await post(createOrder, as.customer, { buyerId: '1' })).body).toEqual({
        data: { createOrder: { itemCount: 1, buyer: { id: '1' } } },
      });
      expect((await post(createOrder, as.staff, { buyerId: '1' })).body).toEqual({
        data: { createOrder: { itemCount: 1, buyer: { id: '1' } } },
      });
    });

    it.each([
      ['anonymous', 'Sign in to see this.'],
      ['otherCustomer', 'input.buyerId must be your own user id.'],
    ] as const)('denies %s before any service is called', async (viewer, message) => {
      const response = await post(createOrder, as[viewer], { buyerId: '1' });
      expect(response.body).toEqual({ data: null, errors: [forbidden(message, ['createOrder'])] });
      expect(callsMade()).toEqual([]);
    });

    it('denies a token without the customer or staff role', async () => {
      const headers = { authorization: `Bearer ${signTestToken('web', { sub: '1', roles: [] })}` };
      expect((await post(createOrder, headers, { buyerId: '1' })).body).toEqual({
        data: null,
        errors: [forbidden('Not allowed to run mutation createOrder.', ['createOrder'])],
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
        errors: [forbidden('Sign in to see this.', ['order'])],
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
        errors: [forbidden('Sign in to see this.', ['mine']), forbidden('Sign in to see this.', ['theirs'])],
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
          forbidden('Not allowed to read User.email.', ['productPage', 'product', 'reviews', index, 'author', 'mail']),
        ),
      });
    });
  });
});
