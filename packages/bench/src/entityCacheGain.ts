import { signTestToken } from '@bff/testing';
import type { Comparison } from './compareVariants.js';
import { productPageDocument } from './authorizationOverhead.js';
import { distinctTokens } from './stockBench.js';

/**
 * The signed-in product page, each request a different customer, with the entity cache off and on:
 * reviews (max-age 30), inventory (10) and accounts (60) answer public hints, so every viewer's page
 * shares their entities; products sends none and is asked every time. The response cache cannot help
 * here (signed-in answers are private).
 */
export function entityCacheGain(urls: { uncached: string; cached: string }): Comparison {
  const headersPerRequest = distinctTokens((sub) =>
    signTestToken('web', { sub, roles: ['customer'], expiresIn: '2h' }),
  );
  return {
    name: 'entity cache, signed-in web product page (a different customer per request)',
    baseline: {
      label: 'entity cache off',
      load: () => ({ url: urls.uncached, body: productPageDocument, headersPerRequest }),
    },
    variant: {
      label: 'entity cache on',
      load: () => ({ url: urls.cached, body: productPageDocument, headersPerRequest }),
    },
    target: { atLeast: 2, says: "issue #25: the signed-in product page at least twice today's throughput" },
  };
}
