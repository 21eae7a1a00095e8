import { forbiddenError, startTestStack } from '@bff/testing';
import { describe, expect, it } from 'vitest';

describe('web BFF rule of Subscription.orderStatusChanged', () => {
  // Signed-in viewers pass the rule; the orders connector then lets only the buyer and staff subscribe
  // (connectors/src/orders/orderStatusChanged.test.ts).
  it('refuses an anonymous subscriber with FORBIDDEN before any service is called', async () => {
    await using stack = await startTestStack('web');
    const response = await stack.bff.post({
      query: /* GraphQL */ `subscription { orderStatusChanged(orderId: "o1") { status order { id } } }`,
    });
    expect(response.body).toEqual({
      data: null,
      errors: [forbiddenError('Sign in to see this.', ['orderStatusChanged'])],
    });
    expect(Object.values(stack.services.calls).flat()).toEqual([]);
  });
});
