import { seedUsers } from '@bff/service-accounts';
import { signTestToken, startTestStack, viewerHeaders, forbiddenError, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const as = viewerHeaders('mobile');
const user1 = seedUsers()[0]!;

describe('mobile BFF access rules', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('mobile');
  });
  afterAll(() => stack?.close());
  beforeEach(() => stack.services.resetCalls());
  const post = (query: string, headers: Record<string, string>, variables?: object) =>
    stack.bff.post({ query, variables }, headers);
  const callsMade = () => Object.values(stack.services.calls).flat();

  it.each(['anonymous', 'customer', 'otherCustomer', 'staff'] as const)(
    'never serves an email address, not even to %s',
    async (viewer) => {
      expect((await post(/* GraphQL */ `{ user(id: "1") { name email } }`, as[viewer])).body).toEqual({
        data: { user: { name: user1.name, email: null } },
        errors: [forbiddenError('Not allowed to read User.email.', ['user', 'email'])],
      });
    },
  );

  it.each(['anonymous', 'staff'] as const)(
    'has no internal product fields in its API: for %s they do not exist',
    async (viewer) => {
      const response = await post(/* GraphQL */ `{ product(upc: "100001") { name cost } }`, as[viewer]);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        errors: [
          {
            message: 'Cannot query field "cost" on type "Product".',
            locations: [{ line: 1, column: 33 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
    },
  );

  it.each([
    ['customer', { data: { user: { orders: [{ id: 'o1' }] } } }],
    ['staff', { data: { user: { orders: [{ id: 'o1' }] } } }],
    [
      'otherCustomer',
      {
        data: { user: { orders: null } },
        errors: [forbiddenError('Not allowed to read User.orders.', ['user', 'orders'])],
      },
    ],
    [
      'anonymous',
      {
        data: { user: { orders: null } },
        errors: [forbiddenError('Not allowed to read User.orders.', ['user', 'orders'])],
      },
    ],
  ] as const)("serves user 1's orders as %s accordingly", async (viewer, expected) => {
    expect((await post(/* GraphQL */ `{ user(id: "1") { orders { id } } }`, as[viewer])).body).toEqual(expected);
  });

  describe('createOrder: only from the mobile app, for oneself', () => {
    const createOrder = /* GraphQL */ `mutation { createOrder(input: { buyerId: "1", lines: [{ upc: "100020", quantity: 2 }] }) { itemCount buyer { id } } }`;

    it("places a customer's own order with a token issued to the mobile app", async () => {
      expect((await post(createOrder, as.customer)).body).toEqual({
        data: { createOrder: { itemCount: 2, buyer: { id: '1' } } },
      });
    });

    it('refuses a token issued to another client app before any service is called', async () => {
      const headers = {
        authorization: `Bearer ${signTestToken('mobile', { sub: '1', roles: ['customer'], clientId: 'web' })}`,
      };
      expect((await post(createOrder, headers)).body).toEqual({
        data: null,
        errors: [forbiddenError('Not allowed to run mutation createOrder.', ['createOrder'])],
      });
      expect(callsMade()).toEqual([]);
    });

    it.each([
      ['anonymous', 'Sign in to see this.'],
      ['otherCustomer', 'input.buyerId must be your own user id.'],
    ] as const)('refuses %s before any service is called', async (viewer, message) => {
      expect((await post(createOrder, as[viewer])).body).toEqual({
        data: null,
        errors: [forbiddenError(message, ['createOrder'])],
      });
      expect(callsMade()).toEqual([]);
    });
  });
});
