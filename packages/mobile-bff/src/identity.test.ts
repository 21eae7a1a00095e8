import { signTestToken, startTestStack, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const feedQuery = { query: /* GraphQL */ `{ feed(first: 2) { edges { node { upc name } } } }` };

describe('mobile BFF identity', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('mobile');
  });
  afterAll(() => stack?.close());
  beforeEach(() => stack.services.resetCalls());

  /** The identity headers of every call products received. */
  const productsReceived = () =>
    stack.services.headers.products.map(
      ({ 'x-request-id': requestId, 'x-user-id': userId, 'x-user-roles': roles, 'x-client-name': clientName }) => ({
        requestId,
        userId,
        roles,
        clientName,
      }),
    );

  it("sends the token's identity on the feed's own catalogue call and on the gateway's entity calls", async () => {
    const token = signTestToken('mobile', { sub: '3', roles: ['customer'] });
    const response = await stack.bff.post(feedQuery, {
      authorization: `Bearer ${token}`,
      'x-request-id': 'feed-1',
      'x-user-id': 'spoofed',
    });
    expect(response.body.errors).toBeUndefined();
    const identity = { requestId: 'feed-1', userId: '3', roles: 'customer', clientName: 'mobile' };
    expect(productsReceived()).toEqual([identity, identity]);
  });

  it('sends the BFF name and no user for an anonymous feed', async () => {
    await stack.bff.post(feedQuery, { 'x-request-id': 'feed-2', 'x-client-name': 'evil', 'x-user-roles': 'staff' });
    const identity = { requestId: 'feed-2', userId: undefined, roles: undefined, clientName: 'mobile' };
    expect(productsReceived()).toEqual([identity, identity]);
  });

  it("refuses the web BFF's token: each BFF has its own audience and secret", async () => {
    const response = await stack.bff.post(feedQuery, { authorization: `Bearer ${signTestToken('web')}` });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      errors: [
        { message: 'Authentication failed: token signature is invalid', extensions: { code: 'UNAUTHENTICATED' } },
      ],
    });
  });
});
