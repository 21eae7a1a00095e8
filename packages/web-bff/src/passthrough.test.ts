import { startTestStack, viewerHeaders, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');

describe('web BFF REST passthrough routes', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());
  beforeEach(() => stack.services.resetCalls());
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.bff.url}${path}`, { headers });

  it("lets staff read anyone's orders", async () => {
    expect((await get('/api/users/1/orders', as.staff)).status).toBe(200);
  });

  it.each(['anonymous', 'otherCustomer'] as const)(
    "refuses %s another user's orders with 403 FORBIDDEN before any call",
    async (viewer) => {
      const response = await get('/api/users/1/orders', as[viewer]);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        errors: [{ message: 'params.id must be your own user id.', extensions: { code: 'FORBIDDEN' } }],
      });
      expect(stack.services.calls.orders).toEqual([]);
    },
  );
});
