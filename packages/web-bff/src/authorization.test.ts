import { seedUsers } from '@bff/service-accounts';
import { seedProducts } from '@bff/service-products';
import { signTestToken, startTestStack, viewerHeaders, forbiddenError, type TestStack } from '@bff/testing';
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
            forbiddenError('Not allowed to read User.email.', ['user', 'email']),
            forbiddenError('Not allowed to read User.orders.', ['user', 'orders']),
          ],
        });
      },
    );
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
            forbiddenError('Not allowed to read Product.cost.', ['product', 'cost']),
            forbiddenError('Not allowed to read Product.supplier.', ['product', 'supplier']),
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
        errors: [forbiddenError('Not allowed to read this Order.', ['order'])],
      });
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
      expect(response.body).toEqual({ data: null, errors: [forbiddenError(message, ['createOrder'])] });
      expect(callsMade()).toEqual([]);
    });

    it('denies a token without the customer or staff role', async () => {
      const headers = { authorization: `Bearer ${signTestToken('web', { sub: '1', roles: [] })}` };
      expect((await post(createOrder, headers, { buyerId: '1' })).body).toEqual({
        data: null,
        errors: [forbiddenError('Not allowed to run mutation createOrder.', ['createOrder'])],
      });
      expect(callsMade()).toEqual([]);
    });
  });
});
