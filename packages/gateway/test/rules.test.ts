import { ConfigError, allow, rule } from '@bff/gateway';
import { startTestStack } from '@bff/testing';
import { createWebBff, readWebBffConfig, webAuthorization } from '@bff/web-bff';
import { describe, expect, it } from 'vitest';

describe('web rule map', () => {
  it('logs the fields without a rule at start-up, and denies them', async () => {
    const lines: string[] = [];
    await using stack = await startTestStack(
      'web',
      { LOG_LEVEL: 'warn' },
      {
        authorization: { rules: { Query: allow, Product: allow } },
        logStream: { write: (line) => void lines.push(line) },
      },
    );
    const warning = lines
      .map((line) => JSON.parse(line).msg as string)
      .find((message) => message.includes('have no rule'));
    expect(warning).toMatch(
      /^\d+ field\(s\) have no rule and are denied to everyone: Mutation\.createOrder, .*Review\.body.*$/,
    );
    const response = await stack.bff.post({ query: /* GraphQL */ `{ review(id: "1") { rating } }` });
    expect(response.body).toEqual({
      data: { review: null },
      errors: [
        {
          message: 'Not allowed to read Review.rating.',
          path: ['review', 'rating'],
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  });

  it('denies, and logs, when a rule throws', async () => {
    const lines: string[] = [];
    const exploding = rule('exploding', { cache: 'no_cache' })(() => {
      throw new Error('rule bug');
    });
    await using stack = await startTestStack(
      'web',
      { LOG_LEVEL: 'error' },
      {
        authorization: { rules: { ...webAuthorization.rules, Product: { '*': allow, name: exploding } } },
        logStream: { write: (line) => void lines.push(line) },
      },
    );
    const response = await stack.bff.post({ query: /* GraphQL */ `{ product(upc: "100001") { upc name } }` });
    expect(response.body).toEqual({
      data: { product: null },
      errors: [
        { message: 'Not allowed to read Product.name.', path: ['product', 'name'], extensions: { code: 'FORBIDDEN' } },
      ],
    });
    expect(lines.join('')).toContain('rule exploding threw while deciding Product.name: Error: rule bug');
  });

  it('refuses to start with a rule for a field the schema does not have', () => {
    const config = readWebBffConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    expect(() =>
      createWebBff(config, { authorization: { rules: { ...webAuthorization.rules, User: { emial: allow } } } }),
    ).toThrow(ConfigError);
    expect(() =>
      createWebBff(config, { authorization: { rules: { ...webAuthorization.rules, User: { emial: allow } } } }),
    ).toThrow("rules name field User.emial, which this BFF's schema does not have");
  });
});
