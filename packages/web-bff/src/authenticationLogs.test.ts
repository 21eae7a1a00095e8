import { postGraphQL, signTestToken, startTestStack } from '@bff/testing';
import { describe, expect, it } from 'vitest';

describe('web BFF logs', () => {
  it('never contain a token, good or bad, even at debug level', async () => {
    const lines: string[] = [];
    await using stack = await startTestStack(
      'web',
      { LOG_LEVEL: 'debug' },
      { logStream: { write: (line) => void lines.push(line) } },
    );
    const web = stack.bff;
    const good = signTestToken('web', { sub: '1', roles: ['customer'] });
    const expired = signTestToken('web', { expiresIn: -60 });
    const forged = signTestToken('web', { secret: 'another-secret-that-is-32-chars-long' });
    const inQuery = signTestToken('web', { sub: '2' });
    const query = {
      query: /* GraphQL */ `{ productPage(upc: "100001") { product { name reviews(first: 2) { author { username } } } } }`,
    };

    expect((await web.post(query, { authorization: `Bearer ${good}`, 'x-request-id': 'logs-good' })).status).toBe(200);
    expect((await web.post(query, { authorization: `Bearer ${expired}`, 'x-request-id': 'logs-expired' })).status).toBe(
      401,
    );
    expect((await web.post(query, { authorization: `Bearer ${forged}` })).status).toBe(401);
    expect((await web.post(query, { authorization: `Basic ${good}` })).status).toBe(401);
    expect((await postGraphQL(`${web.url}/graphql?access_token=${inQuery}`, query)).status).toBe(401);
    await web.stop();

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.map((line) => JSON.parse(line)).filter((entry) => entry.reqId === 'logs-expired')).toEqual([
      expect.objectContaining({ level: 30, msg: 'Authentication failed: token expired' }),
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        path: '/graphql',
        status: 401,
        client: 'web',
        operation: '',
        outcome: 'UNAUTHENTICATED',
      }),
    ]);
    for (const token of [good, expired, forged, inQuery]) {
      expect(log).not.toContain(token);
      // Nor its signature alone, the part that makes it usable.
      expect(log).not.toContain(token.split('.')[2]);
    }
  });
});
