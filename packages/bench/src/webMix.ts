import { signTestToken } from '@bff/testing';
import { accountPageDocument, productPageDocument } from './authorizationOverhead.js';
import type { MixEntry } from './sendMixedLoad.js';

const customer = (sub: string) => ({
  authorization: `Bearer ${signTestToken('web', { sub, roles: ['customer'], expiresIn: '1h' })}`,
});
// The app names each operation in a header too, so the BFF sorts it before reading its body.
const named = (name: string, headers: Record<string, string> = {}) => ({ ...headers, 'x-apollo-operation-name': name });

/** The critical operation of the mix: a customer placing an order. */
export function criticalEntry(): MixEntry {
  return {
    priority: 'critical',
    per10: 1,
    body: {
      query: /* GraphQL */ `mutation CreateOrder($buyerId: ID!) { createOrder(input: { buyerId: $buyerId, lines: [{ upc: "100003", quantity: 1 }] }) { id itemCount } }`,
      variables: { buyerId: '2' },
    },
    headers: named('CreateOrder', customer('2')),
  };
}

/** The web app's traffic: orders (critical), product pages (high), account pages (normal), recommendations (low). */
export function webMix(): MixEntry[] {
  return [
    criticalEntry(),
    { priority: 'high', per10: 4, body: productPageDocument, headers: named('ProductPage') },
    { priority: 'normal', per10: 3, body: accountPageDocument, headers: named('AccountPage', customer('1')) },
    {
      priority: 'low',
      per10: 2,
      body: {
        query: /* GraphQL */ `query TopProducts { topProducts(first: 5) { upc name reviews(first: 5) { rating } } }`,
      },
      headers: named('TopProducts'),
    },
  ];
}
