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

/** A customer's own account page: every field guarded by ownership rules (User.email, User.orders, Order). */
export const accountPageDocument = {
  query: /* GraphQL */ `
    query AccountPage($id: ID!) {
      user(id: $id) {
        id name email
        orders { id createdAt itemCount lines { quantity product { upc name price } } }
        reviews(first: 10) { id rating product { name } }
      }
    }
  `,
  variables: { id: '1' },
};

/**
 * What authentication and the rule map cost the federated query: a web BFF without rules and
 * without a token (baseline) against the web BFF as shipped, with a customer's token.
 */
export function authorizationOverhead(
  urls: { bare: string; guarded: string },
  page: 'product' | 'account',
): Comparison {
  const token = signTestToken('web', { sub: '1', roles: ['customer'], expiresIn: '1h' });
  const body = page === 'product' ? productPageDocument : accountPageDocument;
  return {
    name:
      page === 'product'
        ? 'authentication + rules, web product page (public fields)'
        : 'authentication + rules, web account page (ownership rules on every object)',
    baseline: { label: 'no token, no rules', load: () => ({ url: urls.bare, body }) },
    variant: {
      label: 'customer token, web rules',
      load: () => ({ url: urls.guarded, body, headers: { authorization: `Bearer ${token}` } }),
    },
    target: { atLeast: 0.85, says: 'rules cost less than 15% of throughput' },
  };
}
