import { seedProducts } from '@bff/service-products';
import { gql } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApolloTestClient, observeQuery } from './apolloClient.js';
import { forbiddenError } from './forbiddenError.js';
import { signTestToken } from './signTestToken.js';
import { startTestStack, type TestStack } from './startTestStack.js';

describe('createApolloTestClient against the mobile BFF', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('mobile');
  });
  afterAll(() => stack?.close());

  it('reads a plain query in one emission, with the __typename Apollo Client adds', async () => {
    const client = createApolloTestClient({ url: `${stack.bff.url}/graphql` });
    const product = seedProducts().find((candidate) => candidate.upc === '100001');
    const observed = await observeQuery(
      client,
      gql`
        query ProductName($upc: String!) {
          product(upc: $upc) {
            upc
            name
          }
        }
      `,
      { upc: '100001' },
    );
    expect(observed).toEqual({
      data: [{ product: { __typename: 'Product', upc: '100001', name: product?.name } }],
      error: undefined,
    });
  });

  it('sends the token: only the signed-in user reads their orders, others get FORBIDDEN beside their data', async () => {
    const document = gql`
      query UserOrders {
        user(id: "1") {
          id
          orders {
            id
          }
        }
      }
    `;
    const anonymous = await observeQuery(createApolloTestClient({ url: `${stack.bff.url}/graphql` }), document);
    expect(anonymous.data).toEqual([{ user: { __typename: 'User', id: '1', orders: null } }]);
    expect(anonymous.error).toBeInstanceOf(CombinedGraphQLErrors);
    expect((anonymous.error as CombinedGraphQLErrors).errors).toEqual([
      forbiddenError('Not allowed to read User.orders.', ['user', 'orders']),
    ]);

    const token = signTestToken('mobile', { sub: '1', roles: ['customer'] });
    const signedIn = await observeQuery(createApolloTestClient({ url: `${stack.bff.url}/graphql`, token }), document);
    expect(signedIn).toEqual({
      data: [{ user: { __typename: 'User', id: '1', orders: [{ __typename: 'Order', id: 'o1' }] } }],
      error: undefined,
    });
  });
});

/** One part of a multipart answer as Apollo Server writes it: the part's header, its JSON, the boundary after it. */
const multipartPart = (payload: object, hasNext: boolean) =>
  `content-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify({ ...payload, hasNext })}` +
  `\r\n---${hasNext ? '' : '--'}\r\n`;

describe('createApolloTestClient with @defer', () => {
  // Until the BFF serves @defer (issue #26), a server writing Apollo Server's multipart format by hand pins what the
  // client sends and how it reads the parts.
  it('asks for multipart/mixed;deferSpec=20220824 and emits the first part, then the merged answer', async () => {
    const received: IncomingHttpHeaders[] = [];
    const server = createServer((request, response) => {
      received.push(request.headers);
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'multipart/mixed; boundary="-"; deferSpec=20220824' });
        response.write('\r\n---\r\n');
        response.write(multipartPart({ data: { product: { __typename: 'Product', upc: '100001' } } }, true));
        // The rest comes later, as a slow service's part would.
        void sleep(50).then(() =>
          response.end(
            multipartPart(
              {
                incremental: [
                  { data: { reviews: [{ __typename: 'Review', rating: 5 }] }, path: ['product'], label: 'reviews' },
                ],
              },
              false,
            ),
          ),
        );
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    try {
      const { port } = server.address() as AddressInfo;
      const observed = await observeQuery(
        createApolloTestClient({ url: `http://127.0.0.1:${port}/graphql`, token: 'a-token' }),
        gql`
          query ProductDetail {
            product(upc: "100001") {
              upc
              ... @defer(label: "reviews") {
                reviews {
                  rating
                }
              }
            }
          }
        `,
      );
      expect(received.map((headers) => [headers.accept, headers.authorization])).toEqual([
        [
          'multipart/mixed;deferSpec=20220824,application/graphql-response+json,application/json;q=0.9',
          'Bearer a-token',
        ],
      ]);
      expect(observed).toEqual({
        data: [
          { product: { __typename: 'Product', upc: '100001' } },
          { product: { __typename: 'Product', upc: '100001', reviews: [{ __typename: 'Review', rating: 5 }] } },
        ],
        error: undefined,
      });
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});
