import { seedUsers } from '@bff/service-accounts';
import { seedOrders } from '@bff/service-orders';
import { seedProducts } from '@bff/service-products';
import { signTestToken, startTestStack, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const userOrdersQuery = /* GraphQL */ `
  query UserOrders($id: ID!) {
    user(id: $id) {
      id
      name
      orders { id createdAt status itemCount buyer { username } lines { quantity product { upc name } } }
    }
  }
`;
const createOrderMutation = /* GraphQL */ `
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) { id status itemCount buyer { id } lines { quantity product { upc name } } }
  }
`;
const productName = (upc: string) => seedProducts().find((product) => product.upc === upc)!.name;
/** The Authorization header of customer `sub`: a customer reads and orders for themself only. */
const asCustomer = (sub: string) => ({ authorization: `Bearer ${signTestToken('web', { sub, roles: ['customer'] })}` });

describe('web BFF over the orders and accounts connectors', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());

  it("reads a user's orders with their lines' products from three services", async () => {
    const user = seedUsers()[0]!;
    const orders = seedOrders().filter((order) => order.buyerId === user.id);
    const response = await stack.bff.post({ query: userOrdersQuery, variables: { id: user.id } }, asCustomer(user.id));
    expect(response.body).toEqual({
      data: {
        user: {
          id: user.id,
          name: user.name,
          orders: orders.map((order) => ({
            id: order.id,
            createdAt: order.createdAt,
            status: 'PLACED',
            itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
            buyer: { username: user.username },
            lines: order.lines.map((line) => ({
              quantity: line.quantity,
              product: { upc: line.upc, name: productName(line.upc) },
            })),
          })),
        },
      },
    });
    expect(response.body.data.user.orders.map((order: { id: string }) => order.id)).toEqual(['o1']);
  });

  it('answers an unknown user with null and no error', async () => {
    const response = await stack.bff.post({ query: userOrdersQuery, variables: { id: '999' } }, asCustomer('999'));
    expect(response.body).toEqual({ data: { user: null } });
  });

  it('creates an order that the next query sees', async () => {
    const created = await stack.bff.post(
      {
        query: createOrderMutation,
        variables: {
          input: {
            buyerId: '2',
            lines: [
              { upc: '100003', quantity: 2 },
              { upc: '100004', quantity: 1 },
            ],
          },
        },
      },
      asCustomer('2'),
    );
    expect(created.body).toEqual({
      data: {
        createOrder: {
          id: 'o606',
          status: 'PLACED',
          itemCount: 3,
          buyer: { id: '2' },
          lines: [
            { quantity: 2, product: { upc: '100003', name: productName('100003') } },
            { quantity: 1, product: { upc: '100004', name: productName('100004') } },
          ],
        },
      },
    });
    const orders = await stack.bff.post(
      { query: /* GraphQL */ `{ user(id: "2") { orders { id itemCount } } }` },
      asCustomer('2'),
    );
    expect(orders.body).toEqual({ data: { user: { orders: [{ id: 'o606', itemCount: 3 }] } } });
  });

  it('shows the status the orders service has moved an order to', async () => {
    const order = seedOrders()[1]!;
    for (let step = 0; step < 2; step += 1) {
      expect((await fetch(`${stack.services.urls.orders}/orders/${order.id}/advance`, { method: 'POST' })).status).toBe(
        200,
      );
    }
    const response = await stack.bff.post(
      { query: /* GraphQL */ `query Status($id: ID!) { order(id: $id) { id status } }`, variables: { id: order.id } },
      asCustomer(order.buyerId),
    );
    expect(response.body).toEqual({ data: { order: { id: order.id, status: 'SHIPPED' } } });
  });

  it("rejects an order for an unknown product with BAD_USER_INPUT carrying the service's reason", async () => {
    const response = await stack.bff.post(
      { query: createOrderMutation, variables: { input: { buyerId: '2', lines: [{ upc: '999999', quantity: 1 }] } } },
      asCustomer('2'),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: null,
      errors: [
        {
          message: "Unknown upc '999999' in lines[0]; upcs run from 100001 to 100240",
          path: ['createOrder'],
          extensions: { code: 'BAD_USER_INPUT', serviceName: 'orders' },
        },
      ],
    });
  });
});
