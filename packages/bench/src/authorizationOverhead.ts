import { signTestToken } from '@bff/testing';
import type { Comparison } from './compareVariants.js';

/** The web product page: products, reviews, accounts (REST) and inventory (REST) in one query. */
export const productPageDocument = {
  query: /* GraphQL */ `
    query ProductPage($upc: String!) {
      productPage(upc: $upc) {
        product {
          upc name price displayPrice stock inStock shippingEstimate { days costCents }
          reviewCount averageRating
          reviews(first: 10) { id rating body author { id username name } }
        }
      }
    }
  `,
  variables: { upc: '100001' },
};

/**
 * What authentication and the rule map cost the federated query: a web BFF without rules and
 * without a token (baseline) against the web BFF as shipped, with a customer's token.
 */
export function authorizationOverhead(urls: { bare: string; guarded: string }): Comparison {
  const token = signTestToken('web', { sub: '1', roles: ['customer'], expiresIn: '1h' });
  return {
    name: 'authentication + rules on the web product page',
    baseline: { label: 'no token, no rules', load: () => ({ url: urls.bare, body: productPageDocument }) },
    variant: { label: 'customer token, web rules', load: () => ({ url: urls.guarded, body: productPageDocument, headers: { authorization: `Bearer ${token}` } }) },
    target: { atLeast: 0.85, says: 'rules cost less than 15% of throughput' },
  };
}
