import { seedUsers } from '@bff/service-accounts';
import { seedProducts } from '@bff/service-products';
import { startTestStack, viewerHeaders, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');
const user1 = seedUsers()[0]!;
const [product1, product2] = seedProducts();

// Ordinary valid requests that once got a 500 or a wrong answer (issue #23); stock @apollo/gateway answers each.
describe('web BFF: valid requests answered as GraphQL says', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());

  it('issue #23 - applies an omitted Boolean variable default to @include, for the rules too', async () => {
    const query = /* GraphQL */ `query ($i: Boolean = true) { user(id: "1") { name email @include(if: $i) } }`;
    const response = await stack.bff.post({ query }, as.customer);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { user: { name: user1.name, email: user1.email } } });
  });

  it('issue #23 - applies an omitted Boolean variable default to @skip on a root field, as staff', async () => {
    const query = /* GraphQL */ `query ($s: Boolean = false) { product(upc: "${product1!.upc}") @skip(if: $s) { name } }`;
    const response = await stack.bff.post({ query }, as.staff);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { product: { name: product1!.name } } });
  });

  it('issue #23 - runs the named operation of a document with two, when its plan is one fetch', async () => {
    const query = /* GraphQL */ `query A { topProducts(first: 1) { upc } } query B { latestReviews(first: 1) { id } }`;
    const response = await stack.bff.post({ query, operationName: 'A' }, as.anonymous);
    const alone = await stack.bff.post({ query: /* GraphQL */ `{ topProducts(first: 1) { upc } }` }, as.anonymous);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { topProducts: [{ upc: expect.any(String) }] } });
    expect(response.body).toEqual(alone.body);
  });

  it('issue #23 - answers an unknown operationName with 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const query = /* GraphQL */ `query A { topProducts(first: 1) { upc } } query B { topProducts(first: 2) { upc } }`;
    const response = await stack.bff.post({ query, operationName: 'C' }, as.anonymous);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [{ message: 'Unknown operation named "C".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }],
    });
  });

  it('issue #23 - answers a document of two operations without operationName with 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const query = /* GraphQL */ `query A { topProducts(first: 1) { upc } } query B { topProducts(first: 2) { upc } }`;
    const response = await stack.bff.post({ query }, as.anonymous);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Must provide operation name if query contains multiple operations.',
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
        },
      ],
    });
  });

  it('issue #23 - judges a type-wide rule when only __typename of the type is selected', async () => {
    const query = /* GraphQL */ `{ order(id: "o1") { __typename } }`;
    const denied = await stack.bff.post({ query }, as.otherCustomer);
    expect(denied.body).toEqual({
      data: { order: null },
      errors: [{ message: 'Not allowed to read this Order.', path: ['order'], extensions: { code: 'FORBIDDEN' } }],
    });
    const aliased = /* GraphQL */ `{ a: order(id: "o1") { __typename } b: order(id: "o2") { __typename } }`;
    const deniedBoth = await stack.bff.post({ query: aliased }, as.otherCustomer);
    expect(deniedBoth.body.data).toEqual({ a: null, b: null });
    expect(await stack.bff.post({ query }, as.customer).then((response) => response.body)).toEqual({
      data: { order: { __typename: 'Order' } },
    });
  });

  it('issue #23 - applies an omitted non-null variable default in a fetch of an in-process subgraph', async () => {
    const query = /* GraphQL */ `query ($upc: String! = "${product1!.upc}") { productPage(upc: $upc) { upc product { name } } }`;
    const response = await stack.bff.post({ query }, as.anonymous);
    expect(response.body).toEqual({ data: { productPage: { upc: product1!.upc, product: { name: product1!.name } } } });
  });

  it('issue #23 - answers the root __typename beside a field a contextual rule guards, as staff', async () => {
    const response = await stack.bff.post(
      { query: /* GraphQL */ `{ __typename topProducts(first: 1) { cost } }` },
      as.staff,
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { __typename: 'Query', topProducts: [{ cost: expect.any(Number) }] } });
  });

  it('issue #23 - keeps a second product of the same document apart from the first', async () => {
    const query = /* GraphQL */ `query One { product(upc: "${product1!.upc}") { name } } query Two { product(upc: "${product2!.upc}") { name } }`;
    const response = await stack.bff.post({ query, operationName: 'Two' }, as.anonymous);
    expect(response.body).toEqual({ data: { product: { name: product2!.name } } });
  });
});
